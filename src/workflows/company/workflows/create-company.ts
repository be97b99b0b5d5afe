import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCustomerGroupsStep, emitEventStep, linkCustomersToCustomerGroupStep } from "@medusajs/medusa/core-flows"
import { assertCustomerNotEmployeeStep } from "../steps/assert-customer-not-employee"
import { createCompanyStep } from "../steps/create-company"
import { createCompanyEmployeeStep } from "../steps/create-company-employee"
import { newCompanyIdStep } from "../steps/new-company-id"

export type CreateCompanyWorkflowInput = {
  customer_id: string
  company: { name: string; email: string; phone?: string | null; tax_id?: string | null }
}

/**
 * A customer founds a company: the company, its Medusa customer group
 * (named after it, with the company's id so two companies of one name get
 * two groups), the caller as its `admin` employee, and the caller in the
 * group. A customer already in a company is refused (400). Every step is
 * compensated, so a failure leaves no group, company or employee behind.
 */
export const createCompanyWorkflow = createWorkflow("create-company", (input: CreateCompanyWorkflowInput) => {
  assertCustomerNotEmployeeStep({ customer_id: input.customer_id })
  const id = newCompanyIdStep()
  const groups = createCustomerGroupsStep(
    transform({ input, id }, ({ input, id }) => [{ name: `${input.company.name} (${id})`, metadata: { company_id: id } }])
  )
  const company = createCompanyStep(
    transform({ input, id, groups }, ({ input, id, groups }) => ({ ...input.company, id, customer_group_id: groups[0].id }))
  )
  const employee = createCompanyEmployeeStep(
    transform({ input, company }, ({ input, company }) => ({
      company_id: company.id,
      customer_id: input.customer_id,
      role: "admin" as const,
    }))
  )
  linkCustomersToCustomerGroupStep(transform({ input, groups }, ({ input, groups }) => ({ id: groups[0].id, add: [input.customer_id] })))
  emitEventStep({
    eventName: "company.created",
    data: transform({ company, employee }, ({ company, employee }) => ({ id: company.id, employee_id: employee.id })),
  })
  return new WorkflowResponse({ company, employee })
})
