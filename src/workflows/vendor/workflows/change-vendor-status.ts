import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { updateVendorStatusStep } from "../steps/update-vendor-status"
import { setupVendorForSellingWorkflow } from "./setup-vendor-for-selling"
import type { VendorTransition } from "../../../modules/vendor/service"

export type ChangeVendorStatusInput = {
  vendor_id: string
  action: VendorTransition
  reason?: string | null
}

export const VENDOR_STATUS_EVENTS: Record<VendorTransition, string> = {
  approve: "vendor.approved",
  reject: "vendor.rejected",
  suspend: "vendor.suspended",
  reinstate: "vendor.reinstated",
}

/**
 * approve | reject | suspend | reinstate. An illegal transition fails with
 * 409 before anything changes. Approval also sets the vendor up for selling,
 * in the same workflow: if the set-up fails, the status change is undone.
 * Every change emits its event (vendor.approved, …); a subscriber emails the
 * vendor.
 */
export const changeVendorStatusWorkflow = createWorkflow(
  "change-vendor-status",
  (input: ChangeVendorStatusInput) => {
    const vendor = updateVendorStatusStep(input)

    when({ input }, ({ input }) => input.action === "approve").then(() => {
      setupVendorForSellingWorkflow.runAsStep({ input: { vendor } })
    })

    emitEventStep({
      eventName: transform({ input }, ({ input }) => VENDOR_STATUS_EVENTS[input.action]),
      data: transform({ vendor, input }, ({ vendor, input }) => ({
        id: vendor.id,
        status: vendor.status,
        reason: input.reason ?? null,
      })),
    })

    return new WorkflowResponse(vendor)
  }
)
