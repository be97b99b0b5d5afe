import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { deleteVendorStep } from "../steps/delete-vendor"
import { unlinkVendorLoginsStep } from "../steps/unlink-vendor-logins"

/**
 * Soft-deletes a vendor that is not active (409 otherwise), with its members
 * and invites, and detaches its members' logins. Its products, stock
 * location and past orders stay, because orders and the ledger refer to them.
 */
export const deleteVendorWorkflow = createWorkflow("delete-vendor", (input: { vendor_id: string }) => {
  const deleted = deleteVendorStep(input.vendor_id)
  unlinkVendorLoginsStep(transform({ deleted }, ({ deleted }) => deleted.member_ids))
  emitEventStep({ eventName: "vendor.deleted", data: { id: input.vendor_id } })
  return new WorkflowResponse({ id: input.vendor_id })
})
