import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { savePayoutAccountStep, type SavePayoutAccountInput } from "../steps/save-payout-account"
import { recordAuditStep } from "../../audit/steps/record-audit"
import { snapshotAuditTargetStep } from "../../audit/steps/snapshot-audit-target"
import type { AuditContext } from "../../../modules/audit/types"

/** POST /vendor/payout-account: how the vendor wants to be paid. */
export const setVendorPayoutAccountWorkflow = createWorkflow("set-vendor-payout-account", (input: SavePayoutAccountInput & { audit?: AuditContext }) => {
  // The default account before, so the entry shows a switch of provider or of bank account.
  const before = snapshotAuditTargetStep({
    target_type: "payout_account",
    filters: transform({ input }, ({ input }) => ({ vendor_id: input.vendor_id, is_default: true })),
  })
  const account = savePayoutAccountStep(input)
  recordAuditStep({
    audit: input.audit,
    entries: transform({ input, before, account }, ({ input, before, account }) => ({
      action: "payout_account.changed",
      target_type: "payout_account",
      target_id: account.id,
      vendor_id: input.vendor_id,
      before,
    })),
  })
  return new WorkflowResponse(account)
})
