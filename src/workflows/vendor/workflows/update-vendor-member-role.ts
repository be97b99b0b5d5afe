import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { guardVendorMemberChangeStep, type GuardVendorMemberChangeInput } from "../steps/guard-vendor-member-change"
import { updateVendorMemberStep } from "../steps/update-vendor-member"
import type { VendorRole } from "../../../modules/vendor/models/vendor-member"
import { recordAuditStep } from "../../audit/steps/record-audit"
import { snapshotAuditTargetStep } from "../../audit/steps/snapshot-audit-target"
import type { AuditContext } from "../../../modules/audit/types"

export const updateVendorMemberRoleWorkflow = createWorkflow(
  "update-vendor-member-role",
  (input: GuardVendorMemberChangeInput & { new_role: VendorRole; audit?: AuditContext }) => {
    guardVendorMemberChangeStep(input)
    const before = snapshotAuditTargetStep({ target_type: "vendor_member", id: input.member_id })
    const member = updateVendorMemberStep({ vendor_id: input.vendor_id, id: input.member_id, role: input.new_role })
    emitEventStep({ eventName: "vendor.member_updated", data: { id: input.member_id, vendor_id: input.vendor_id } })
    recordAuditStep({
      audit: input.audit,
      entries: transform({ input, before }, ({ input, before }) => ({
        action: "vendor_member.role_changed",
        target_type: "vendor_member",
        target_id: input.member_id,
        vendor_id: input.vendor_id,
        before,
      })),
    })
    return new WorkflowResponse(member)
  }
)
