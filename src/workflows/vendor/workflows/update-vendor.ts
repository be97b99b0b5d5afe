import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { updateVendorStep, type UpdateVendorStepInput } from "../steps/update-vendor"
import { recordAuditStep } from "../../audit/steps/record-audit"
import { snapshotAuditTargetStep } from "../../audit/steps/snapshot-audit-target"
import type { AuditContext } from "../../../modules/audit/types"

/** Profile update by the vendor or the operator; emits vendor.updated. */
export const updateVendorWorkflow = createWorkflow("update-vendor", (input: UpdateVendorStepInput & { audit?: AuditContext }) => {
  const before = snapshotAuditTargetStep({ target_type: "vendor", id: input.id })
  const vendor = updateVendorStep(input)
  emitEventStep({ eventName: "vendor.updated", data: { id: input.id } })
  recordAuditStep({
    audit: input.audit,
    entries: transform({ input, before }, ({ input, before }) => ({
      action: "vendor.updated",
      target_type: "vendor",
      target_id: input.id,
      vendor_id: input.id,
      before,
    })),
  })
  return new WorkflowResponse(vendor)
})
