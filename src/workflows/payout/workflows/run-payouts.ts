import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createPayoutRunStep } from "../steps/create-payout-run"
import { listPayableVendorsStep } from "../steps/list-payable-vendors"
import { createVendorPayoutsStep } from "../steps/create-vendor-payouts"
import { listResumablePayoutsStep } from "../steps/list-resumable-payouts"
import { sendPayoutsStep } from "../steps/send-payouts"
import { completePayoutRunStep } from "../steps/complete-payout-run"
import { loadPayoutsStep } from "../steps/load-payouts"
import { recordAuditStep } from "../../audit/steps/record-audit"
import type { AuditContext } from "../../../modules/audit/types"

export const PAYOUT_RUN_LOCK = "payout-run"

export type RunPayoutsInput = {
  currency_code?: string | null
  trigger: "schedule" | "operator"
  created_by?: string | null
  min_amount: string
  /** Absent for the scheduled job: the entry's actor is then the system. */
  audit?: AuditContext
}

/**
 * A payout run. Exactly-once rests on three things:
 * - one run at a time across servers (the `payout-run` lock; a second run
 *   waits, then finds the balances already debited);
 * - each payout created with its ledger debit in one transaction under a
 *   per-vendor database lock, and at most one per vendor and currency per
 *   run (unique index), so even runs that bypass the lock cannot both pay;
 * - provider calls keyed by payout id and attempt, so resuming an attempt
 *   that may have reached the provider never pays twice.
 * A run also resumes payouts that an earlier, interrupted run left behind.
 */
export const runPayoutsWorkflow = createWorkflow("run-payouts", (input: RunPayoutsInput) => {
  acquireLockStep({ key: PAYOUT_RUN_LOCK, timeout: 120, ttl: 900 })
  const run = createPayoutRunStep(input)
  const vendors = listPayableVendorsStep({ currency_code: input.currency_code })
  const created = createVendorPayoutsStep(
    transform({ run, vendors, input }, ({ run, vendors, input }) => ({
      run_id: run.id,
      vendors,
      min_amount: input.min_amount,
      created_by: input.created_by,
    }))
  )
  const toSend = listResumablePayoutsStep(
    transform({ created, input }, ({ created, input }) => ({ currency_code: input.currency_code, include: created }))
  )
  const sent = sendPayoutsStep({ payout_ids: toSend })
  const completed = completePayoutRunStep(transform({ run, sent }, ({ run, sent }) => ({ run_id: run.id, payout_count: sent.length })))
  emitEventStep({
    eventName: "payout.paid",
    data: transform({ sent }, ({ sent }) => sent.filter((s) => s.event === "payout.paid").map((s) => ({ id: s.id }))),
  }).config({ name: "emit-payouts-paid" })
  emitEventStep({
    eventName: "payout.failed",
    data: transform({ sent }, ({ sent }) => sent.filter((s) => s.event === "payout.failed").map((s) => ({ id: s.id }))),
  }).config({ name: "emit-payouts-failed" })
  releaseLockStep({ key: PAYOUT_RUN_LOCK })
  const payouts = loadPayoutsStep({ ids: toSend })
  recordAuditStep({
    audit: input.audit,
    entries: transform({ run }, ({ run }) => ({
      action: "payout_run.started",
      target_type: "payout_run",
      target_id: run.id,
      before: null,
    })),
  })
  return new WorkflowResponse(transform({ completed, payouts }, ({ completed, payouts }) => ({ ...completed, payouts })))
})
