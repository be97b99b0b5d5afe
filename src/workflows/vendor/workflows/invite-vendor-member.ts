import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createVendorInviteStep, type CreateVendorInviteStepInput } from "../steps/create-vendor-invite"
import { recordAuditStep } from "../../audit/steps/record-audit"
import type { AuditContext } from "../../../modules/audit/types"

/**
 * Invites someone to the vendor. The event carries the one-time token, so
 * the invite email (subscriber) can contain the accept link; the database
 * only has its hash.
 */
export const inviteVendorMemberWorkflow = createWorkflow(
  "invite-vendor-member",
  (input: CreateVendorInviteStepInput & { audit?: AuditContext }) => {
    const created = createVendorInviteStep(input)
    emitEventStep({
      eventName: "vendor.invite_created",
      data: transform({ created }, ({ created }) => ({
        id: created.invite.id,
        vendor_id: created.invite.vendor_id,
        email: created.invite.email,
        role: created.invite.role,
        token: created.token,
      })),
    })
    recordAuditStep({
      audit: input.audit,
      entries: transform({ created }, ({ created }) => ({
        action: "vendor_invite.created",
        target_type: "vendor_invite",
        target_id: created.invite.id,
        vendor_id: created.invite.vendor_id,
        before: null,
      })),
    })
    return new WorkflowResponse(created)
  }
)
