import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { revokeCompanyInviteStep } from "../steps/revoke-company-invite"

/** DELETE /store/companies/me/invites/:id: an open invite is withdrawn (company.invite_revoked). */
export const revokeCompanyInviteWorkflow = createWorkflow("revoke-company-invite", (input: { company_id: string; invite_id: string }) => {
  const id = revokeCompanyInviteStep(input)
  emitEventStep({ eventName: "company.invite_revoked", data: { id: input.invite_id, company_id: input.company_id } })
  return new WorkflowResponse(id)
})
