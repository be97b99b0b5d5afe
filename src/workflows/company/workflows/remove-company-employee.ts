import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, linkCustomersToCustomerGroupStep } from "@medusajs/medusa/core-flows"
import { guardCompanyEmployeeChangeStep } from "../steps/guard-company-employee-change"
import { removeCompanyEmployeeStep } from "../steps/remove-company-employee"

export type RemoveCompanyEmployeeWorkflowInput = { company_id: string; employee_id: string }

/**
 * A company admin removes an employee (themselves included, unless they are
 * the last admin: 409). The customer leaves the company's customer group too,
 * so the company's prices stop applying to them.
 */
export const removeCompanyEmployeeWorkflow = createWorkflow("remove-company-employee", (input: RemoveCompanyEmployeeWorkflowInput) => {
  const before = guardCompanyEmployeeChangeStep(transform({ input }, ({ input }) => ({ ...input, new_role: null })))
  removeCompanyEmployeeStep(input)
  linkCustomersToCustomerGroupStep(
    transform({ before }, ({ before }) => ({ id: before.customer_group_id as string, remove: [before.customer_id] }))
  )
  emitEventStep({ eventName: "company.employee_removed", data: { id: input.employee_id, company_id: input.company_id } })
  return new WorkflowResponse({ id: input.employee_id })
})
