import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { settleManualPayoutStep, type SettleManualPayoutInput } from "../steps/settle-manual-payout"
import { loadPayoutsStep } from "../steps/load-payouts"
import { recordAuditStep } from "../../audit/steps/record-audit"
import { snapshotAuditTargetStep } from "../../audit/steps/snapshot-audit-target"
import type { AuditContext } from "../../../modules/audit/types"

/** POST /admin/payouts/:id/mark-paid and /mark-failed. */
export const settleManualPayoutWorkflow = createWorkflow(
  "settle-manual-payout",
  (input: SettleManualPayoutInput & { audit?: AuditContext }) => {
    const before = snapshotAuditTargetStep({ target_type: "payout", id: input.id })
    settleManualPayoutStep(input)
    emitEventStep({
      eventName: transform({ input }, ({ input }) => (input.outcome === "paid" ? "payout.paid" : "payout.failed")),
      data: transform({ input }, ({ input }) => ({ id: input.id })),
    })
    const payouts = loadPayoutsStep({ ids: transform({ input }, ({ input }) => [input.id]) })
    recordAuditStep({
      audit: input.audit,
      entries: transform({ input, before }, ({ input, before }) => ({
        action: input.outcome === "paid" ? "payout.marked_paid" : "payout.marked_failed",
        target_type: "payout",
        target_id: input.id,
        vendor_id: typeof before?.vendor_id === "string" ? before.vendor_id : null,
        before,
      })),
    })
    return new WorkflowResponse(transform({ payouts }, ({ payouts }) => payouts[0]))
  }
)
