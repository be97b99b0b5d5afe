import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { updateVendorStep, type UpdateVendorStepInput } from "../steps/update-vendor"

/** Profile update by the vendor or the operator; emits vendor.updated. */
export const updateVendorWorkflow = createWorkflow(
  "update-vendor",
  (input: UpdateVendorStepInput) => {
    const vendor = updateVendorStep(input)
    emitEventStep({ eventName: "vendor.updated", data: { id: input.id } })
    return new WorkflowResponse(vendor)
  }
)
