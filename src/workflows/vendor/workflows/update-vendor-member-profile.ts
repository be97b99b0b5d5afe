import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { updateVendorMemberProfileStep, type VendorMemberProfileUpdate } from "../steps/update-vendor-member-profile"

/**
 * A member changes their own name or phone number (POST /vendor/me/member).
 * The route passes the caller's own id only; the phone is not verified.
 */
export const updateVendorMemberProfileWorkflow = createWorkflow(
  "update-vendor-member-profile",
  (input: VendorMemberProfileUpdate & { vendor_id: string }) => {
    const member = updateVendorMemberProfileStep(input)
    emitEventStep({ eventName: "vendor.member_updated", data: { id: input.id, vendor_id: input.vendor_id } })
    return new WorkflowResponse(member)
  }
)
