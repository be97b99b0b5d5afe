import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { linkVendorLoginStep } from "../steps/link-vendor-login"
import { claimVendorInviteStep } from "../steps/claim-vendor-invite"
import { createVendorMemberStep } from "../steps/create-vendor-member"
import { recordAuditStep } from "../../audit/steps/record-audit"
import type { AuditContext } from "../../../modules/audit/types"

export type AcceptVendorInviteInput = {
  token: string
  auth_identity_id: string
  first_name?: string | null
  last_name?: string | null
  audit?: AuditContext
}

/** Claims the invite (once, unexpired), creates the member and links the login to it. */
export const acceptVendorInviteWorkflow = createWorkflow("accept-vendor-invite", (input: AcceptVendorInviteInput) => {
  const invite = claimVendorInviteStep(input)
  const member = createVendorMemberStep(
    transform({ input, invite }, ({ input, invite }) => ({
      vendor_id: invite.vendor_id,
      email: invite.email,
      role: invite.role,
      first_name: input.first_name ?? null,
      last_name: input.last_name ?? null,
    }))
  )
  linkVendorLoginStep(
    transform({ input, member }, ({ input, member }) => ({
      auth_identity_id: input.auth_identity_id,
      member_id: member.id,
    }))
  )
  emitEventStep({
    eventName: "vendor.member_joined",
    data: transform({ member, invite }, ({ member, invite }) => ({ id: member.id, vendor_id: invite.vendor_id })),
  })
  // The actor is the member the invite just created (the request had a
  // registration token, no member yet).
  recordAuditStep({
    audit: input.audit,
    entries: transform({ member, invite }, ({ member, invite }) => [
      {
        action: "vendor_invite.accepted",
        target_type: "vendor_invite",
        target_id: invite.id,
        vendor_id: invite.vendor_id,
        before: { accepted: false },
        after: { accepted: true, member_id: member.id, email: member.email, role: member.role },
        actor_type: "vendor_member" as const,
        actor_id: member.id,
      },
    ]),
  })
  return new WorkflowResponse(member)
})
