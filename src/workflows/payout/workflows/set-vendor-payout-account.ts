import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { savePayoutAccountStep, type SavePayoutAccountInput } from "../steps/save-payout-account"
import { recordAuditStep } from "../../audit/steps/record-audit"
import { snapshotAuditTargetStep } from "../../audit/steps/snapshot-audit-target"
import type { AuditContext } from "../../../modules/audit/types"

export const PAYOUT_ACCOUNT_CHANGED = "payout_account.changed"

/**
 * POST /vendor/payout-account: how the vendor wants to be paid. A change of
 * destination emits `payout_account.changed` (every owner is e-mailed) and,
 * after the first account, starts the MARKETPLACE_PAYOUT_ACCOUNT_HOLD_HOURS hold.
 */
export const setVendorPayoutAccountWorkflow = createWorkflow(
  "set-vendor-payout-account",
  (input: SavePayoutAccountInput & { audit?: AuditContext }) => {
    // The default account before, so the entry shows a switch of provider or of bank account.
    const before = snapshotAuditTargetStep({
      target_type: "payout_account",
      filters: transform({ input }, ({ input }) => ({ vendor_id: input.vendor_id, is_default: true })),
    })
    const saved = savePayoutAccountStep(input)
    const account = transform({ saved }, ({ saved }) => saved.account)
    emitEventStep({
      eventName: PAYOUT_ACCOUNT_CHANGED,
      data: transform({ saved, input }, ({ saved, input }) =>
        saved.change ? [{ id: saved.account.id, vendor_id: input.vendor_id, changed_by: input.changed_by ?? null, ...saved.change }] : []
      ),
    }).config({ name: "emit-payout-account-changed" })
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
  }
)
