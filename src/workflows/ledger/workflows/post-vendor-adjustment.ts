import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { postAdjustmentStep, type PostAdjustmentInput } from "../steps/post-adjustment"

/** An operator's ledger adjustment for a vendor, with a required reason; emits vendor.ledger_adjusted. */
export const postVendorAdjustmentWorkflow = createWorkflow("post-vendor-adjustment", (input: PostAdjustmentInput) => {
  const row = postAdjustmentStep(input)
  emitEventStep({ eventName: "vendor.ledger_adjusted", data: { id: row.id, vendor_id: input.vendor_id } })
  return new WorkflowResponse(row)
})
