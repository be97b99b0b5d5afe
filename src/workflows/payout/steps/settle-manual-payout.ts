import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { LEDGER_MODULE } from "../../../modules/ledger"
import type LedgerModuleService from "../../../modules/ledger/service"
import { stateConflict } from "../../../lib/errors/state-conflict"

export type SettleManualPayoutInput =
  | { id: string; outcome: "paid"; reference: string; actor_id?: string | null }
  | { id: string; outcome: "failed"; reason: string; actor_id?: string | null }

/**
 * The operator's word on a manual payout: paid (with the bank's reference)
 * or failed (its debit reversed in the same transaction). Only manual
 * payouts that are not settled yet; anything else is 409. Settling is not
 * undone by compensation: it records what happened at the bank.
 */
export const settleManualPayoutStep = createStep("settle-manual-payout", async (input: SettleManualPayoutInput, { container }) => {
  const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
  const payout = await ledger.retrievePayout(input.id)
  if (payout.provider !== "manual") {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Payout ${input.id} is paid through ${payout.provider}; only manual payouts are settled by hand`
    )
  }
  const result =
    input.outcome === "paid"
      ? await ledger.transitionPayout(input.id, ["pending", "processing"], "paid", {
          reference: input.reference,
          paid_at: new Date(),
          last_error: null,
        })
      : await ledger.failPayout(input.id, { code: "operator", reason: input.reason }, ["pending", "processing"])
  if (!result.changed) throw stateConflict(`Payout ${input.id} is ${result.status}; it can no longer be marked ${input.outcome}`)
  return new StepResponse(result.status)
})
