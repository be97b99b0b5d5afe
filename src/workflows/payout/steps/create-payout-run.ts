import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYOUT_MODULE } from "../../../modules/payout"
import type PayoutModuleService from "../../../modules/payout/service"
import type { AuditContext } from "../../../modules/audit/types"
import { appendAuditEntries } from "../../audit/steps/record-audit"
import { readAuditTarget } from "../../audit/targets"

export type CreatePayoutRunInput = {
  currency_code?: string | null
  trigger: "schedule" | "operator"
  created_by?: string | null
  /** Who started the run (absent: the system), for the entry of a run that fails. */
  audit?: AuditContext
}

/**
 * Records the run; if the run is cut short, the record says so, and so does
 * the audit trail (`payout_run.failed`, by whoever started the run). That
 * entry is written here, in the compensation, because a failed workflow never
 * reaches its last step (decision 39); the payouts the run did send stay in
 * the ledger and the payouts list. A compensation that runs again finds the
 * run no longer running and records nothing twice.
 */
export const createPayoutRunStep = createStep(
  "create-payout-run",
  async (input: CreatePayoutRunInput, { container }) => {
    const payouts: PayoutModuleService = container.resolve(PAYOUT_MODULE)
    const run = await payouts.createPayoutRuns({
      currency_code: input.currency_code ?? null,
      trigger: input.trigger,
      created_by: input.created_by ?? null,
      status: "running",
    })
    return new StepResponse(run, { run_id: run.id, audit: input.audit ?? null })
  },
  async (data, { container }) => {
    if (!data?.run_id) return
    const payouts: PayoutModuleService = container.resolve(PAYOUT_MODULE)
    const before = await readAuditTarget(container, "payout_run", { id: data.run_id })
    if (before?.status !== "running") return
    await payouts.updatePayoutRuns({
      id: data.run_id,
      status: "failed",
      error: "The run stopped before it finished",
      completed_at: new Date(),
    })
    await appendAuditEntries(container, data.audit, {
      action: "payout_run.failed",
      target_type: "payout_run",
      target_id: data.run_id,
      before,
    })
  }
)
