import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { guardVendorMemberChangeStep, type GuardVendorMemberChangeInput } from "../steps/guard-vendor-member-change"
import { updateVendorMemberStep } from "../steps/update-vendor-member"
import type { VendorRole } from "../../../modules/vendor/models/vendor-member"

export const updateVendorMemberRoleWorkflow = createWorkflow(
  "update-vendor-member-role",
  (input: GuardVendorMemberChangeInput & { new_role: VendorRole }) => {
    guardVendorMemberChangeStep(input)
    const member = updateVendorMemberStep({ id: input.member_id, role: input.new_role })
    emitEventStep({ eventName: "vendor.member_updated", data: { id: input.member_id, vendor_id: input.vendor_id } })
    return new WorkflowResponse(member)
  }
)
