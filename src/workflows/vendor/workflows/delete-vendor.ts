import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { deleteVendorStep } from "../steps/delete-vendor"
import { unlinkVendorLoginsStep } from "../steps/unlink-vendor-logins"
import { recordAuditStep } from "../../audit/steps/record-audit"
import { snapshotAuditTargetStep } from "../../audit/steps/snapshot-audit-target"
import type { AuditContext } from "../../../modules/audit/types"

/**
 * Soft-deletes a vendor that is not active (409 otherwise), with its members
 * and invites, and detaches its members' logins. Its products, stock
 * location and past orders stay, because orders and the ledger refer to them.
 */
export const deleteVendorWorkflow = createWorkflow("delete-vendor", (input: { vendor_id: string; audit?: AuditContext }) => {
  const before = snapshotAuditTargetStep({ target_type: "vendor", id: input.vendor_id })
  const deleted = deleteVendorStep(input.vendor_id)
  unlinkVendorLoginsStep(transform({ deleted }, ({ deleted }) => deleted.member_ids))
  emitEventStep({ eventName: "vendor.deleted", data: { id: input.vendor_id } })
  recordAuditStep({
    audit: input.audit,
    entries: transform({ input, before }, ({ input, before }) => ({
      action: "vendor.deleted",
      target_type: "vendor",
      target_id: input.vendor_id,
      vendor_id: input.vendor_id,
      before,
    })),
  })
  return new WorkflowResponse({ id: input.vendor_id })
})
