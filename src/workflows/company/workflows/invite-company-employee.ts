import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createCompanyInviteStep, type CreateCompanyInviteStepInput } from "../steps/create-company-invite"

/**
 * A company admin invites someone by e-mail. The event carries the one-time
 * token so the invite e-mail (src/subscribers/company-invite-notification.ts)
 * can hold the accept link; the database only has its hash.
 */
export const inviteCompanyEmployeeWorkflow = createWorkflow("invite-company-employee", (input: CreateCompanyInviteStepInput) => {
  const created = createCompanyInviteStep(input)
  emitEventStep({
    eventName: "company.invite_created",
    data: transform({ created }, ({ created }) => ({
      id: created.invite.id,
      company_id: created.invite.company_id,
      email: created.invite.email,
      role: created.invite.role,
      token: created.token,
    })),
  })
  return new WorkflowResponse(transform({ created }, ({ created }) => ({ invite: created.invite, token: created.token })))
})
