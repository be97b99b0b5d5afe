import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { guardVendorMemberChangeStep, type GuardVendorMemberChangeInput } from "../steps/guard-vendor-member-change"
import { removeVendorMemberStep } from "../steps/remove-vendor-member"
import { unlinkVendorLoginsStep } from "../steps/unlink-vendor-logins"

export const removeVendorMemberWorkflow = createWorkflow(
  "remove-vendor-member",
  (input: Omit<GuardVendorMemberChangeInput, "new_role">) => {
    guardVendorMemberChangeStep(transform({ input }, ({ input }) => ({ ...input, new_role: null })))
    removeVendorMemberStep(input.member_id)
    // The login is detached too, so the person can be invited again later.
    unlinkVendorLoginsStep(transform({ input }, ({ input }) => [input.member_id]))
    emitEventStep({ eventName: "vendor.member_removed", data: { id: input.member_id, vendor_id: input.vendor_id } })
    return new WorkflowResponse({ id: input.member_id })
  }
)
