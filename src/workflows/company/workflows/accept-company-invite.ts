import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, linkCustomersToCustomerGroupStep } from "@medusajs/medusa/core-flows"
import { assertCustomerNotEmployeeStep } from "../steps/assert-customer-not-employee"
import { claimCompanyInviteStep } from "../steps/claim-company-invite"
import { createCompanyEmployeeStep } from "../steps/create-company-employee"
import { loadCompanyStep } from "../steps/load-company"

export type AcceptCompanyInviteInput = { token: string; customer_id: string }

/**
 * The invited customer joins: the invite is claimed once (unexpired, for the
 * customer's e-mail), the customer becomes an employee with the invite's role
 * and limit, and joins the company's customer group. A customer already in a
 * company is refused (400) before the invite is used up.
 */
export const acceptCompanyInviteWorkflow = createWorkflow("accept-company-invite", (input: AcceptCompanyInviteInput) => {
  assertCustomerNotEmployeeStep({ customer_id: input.customer_id })
  const invite = claimCompanyInviteStep(input)
  const company = loadCompanyStep(transform({ invite }, ({ invite }) => ({ id: invite.company_id })))
  const employee = createCompanyEmployeeStep(
    transform({ input, invite }, ({ input, invite }) => ({
      company_id: invite.company_id,
      customer_id: input.customer_id,
      role: invite.role,
      spending_limit: invite.spending_limit === null ? null : Number(invite.spending_limit),
      spending_period: invite.spending_period,
    }))
  )
  linkCustomersToCustomerGroupStep(
    transform({ input, company }, ({ input, company }) => ({ id: company.customer_group_id as string, add: [input.customer_id] }))
  )
  emitEventStep({
    eventName: "company.employee_joined",
    data: transform({ employee, invite }, ({ employee, invite }) => ({
      id: employee.id,
      company_id: invite.company_id,
      invite_id: invite.id,
    })),
  })
  return new WorkflowResponse({ company, employee })
})
