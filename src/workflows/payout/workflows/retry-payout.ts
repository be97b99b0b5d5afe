import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { reopenPayoutStep } from "../steps/reopen-payout"
import { sendPayoutsStep } from "../steps/send-payouts"
import { loadPayoutsStep } from "../steps/load-payouts"
import { PAYOUT_RUN_LOCK } from "./run-payouts"
import { recordAuditStep } from "../../audit/steps/record-audit"
import { snapshotAuditTargetStep } from "../../audit/steps/snapshot-audit-target"
import type { AuditContext } from "../../../modules/audit/types"

/**
 * Retries one payout: a failed one as a new attempt (debited again, new
 * idempotency key), or one left pending or processing by an interrupted
 * attempt (same key, so a transfer that did happen is not repeated). It
 * takes the run lock, so it never races a run over the same payout.
 */
export const retryPayoutWorkflow = createWorkflow("retry-payout", (input: { id: string; audit?: AuditContext }) => {
  acquireLockStep({ key: PAYOUT_RUN_LOCK, timeout: 60, ttl: 300 })
  const before = snapshotAuditTargetStep({ target_type: "payout", id: input.id })
  reopenPayoutStep({ id: input.id })
  const sent = sendPayoutsStep({ payout_ids: transform({ input }, ({ input }) => [input.id]) })
  emitEventStep({
    eventName: "payout.paid",
    data: transform({ sent }, ({ sent }) => sent.filter((s) => s.event === "payout.paid").map((s) => ({ id: s.id }))),
  }).config({ name: "emit-payout-paid" })
  emitEventStep({
    eventName: "payout.failed",
    data: transform({ sent }, ({ sent }) => sent.filter((s) => s.event === "payout.failed").map((s) => ({ id: s.id }))),
  }).config({ name: "emit-payout-failed" })
  releaseLockStep({ key: PAYOUT_RUN_LOCK })
  const payouts = loadPayoutsStep({ ids: transform({ input }, ({ input }) => [input.id]) })
  recordAuditStep({
    audit: input.audit,
    entries: transform({ input, before }, ({ input, before }) => ({
      action: "payout.retried",
      target_type: "payout",
      target_id: input.id,
      vendor_id: typeof before?.vendor_id === "string" ? before.vendor_id : null,
      before,
    })),
  })
  return new WorkflowResponse(transform({ payouts }, ({ payouts }) => payouts[0]))
})
