import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { guardCompanyEmployeeChangeStep } from "../steps/guard-company-employee-change"
import { updateCompanyEmployeeStep } from "../steps/update-company-employee"
import type { CompanyRole, SpendingPeriod } from "../../../modules/company/models/company-employee"

export type UpdateCompanyEmployeeWorkflowInput = {
  company_id: string
  employee_id: string
  role?: CompanyRole
  spending_limit?: number | null
  spending_period?: SpendingPeriod | null
}

/** A company admin changes an employee's role or spending limit; the last admin cannot be demoted (409). */
export const updateCompanyEmployeeWorkflow = createWorkflow("update-company-employee", (input: UpdateCompanyEmployeeWorkflowInput) => {
  const before = guardCompanyEmployeeChangeStep(
    transform({ input }, ({ input }) => ({ company_id: input.company_id, employee_id: input.employee_id, new_role: input.role }))
  )
  const employee = updateCompanyEmployeeStep(
    transform({ input, before }, ({ input, before }) => ({
      before,
      role: input.role,
      spending_limit: input.spending_limit,
      spending_period: input.spending_period,
    }))
  )
  emitEventStep({ eventName: "company.employee_updated", data: { id: input.employee_id, company_id: input.company_id } })
  return new WorkflowResponse(employee)
})
