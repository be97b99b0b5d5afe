import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { guardVendorMemberChangeStep, type GuardVendorMemberChangeInput } from "../steps/guard-vendor-member-change"
import { removeVendorMemberStep } from "../steps/remove-vendor-member"
import { unlinkVendorLoginsStep } from "../steps/unlink-vendor-logins"
import { recordAuditStep } from "../../audit/steps/record-audit"
import { snapshotAuditTargetStep } from "../../audit/steps/snapshot-audit-target"
import type { AuditContext } from "../../../modules/audit/types"

export const removeVendorMemberWorkflow = createWorkflow(
  "remove-vendor-member",
  (input: Omit<GuardVendorMemberChangeInput, "new_role"> & { audit?: AuditContext }) => {
    guardVendorMemberChangeStep(transform({ input }, ({ input }) => ({ ...input, new_role: null })))
    const before = snapshotAuditTargetStep({ target_type: "vendor_member", id: input.member_id })
    removeVendorMemberStep(transform({ input }, ({ input }) => ({ vendor_id: input.vendor_id, member_id: input.member_id })))
    // The login is detached too, so the person can be invited again later.
    unlinkVendorLoginsStep(transform({ input }, ({ input }) => [input.member_id]))
    emitEventStep({ eventName: "vendor.member_removed", data: { id: input.member_id, vendor_id: input.vendor_id } })
    recordAuditStep({
      audit: input.audit,
      entries: transform({ input, before }, ({ input, before }) => ({
        action: "vendor_member.removed",
        target_type: "vendor_member",
        target_id: input.member_id,
        vendor_id: input.vendor_id,
        before,
        after: null,
      })),
    })
    return new WorkflowResponse({ id: input.member_id })
  }
)
