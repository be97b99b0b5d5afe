import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { rawAmount } from "../../../lib/money"
import { LEDGER_MODULE } from "../../../modules/ledger"
import type LedgerModuleService from "../../../modules/ledger/service"
import { PAYOUT_MODULE } from "../../../modules/payout"
import type PayoutModuleService from "../../../modules/payout/service"
import { PayoutProviderError } from "../../../modules/payout/types"

export type SentPayout = { id: string; status: string; event?: "payout.paid" | "payout.failed"; error?: string }

/**
 * Hands each payout to its provider. Before the call the payout is marked
 * processing (attempted), so nothing that reached a provider is ever
 * silently reversed. Then:
 * - success: paid (Stripe) or left processing for the operator (manual);
 * - a definitive error: failed, and its debit reversed in the same transaction;
 * - an ambiguous error (timeout, 5xx): left processing with the error, to be
 *   resumed with the same idempotency key by the next run or a retry.
 * Money moved cannot be un-moved, so this step has no compensation.
 */
export const sendPayoutsStep = createStep("send-payouts", async (input: { payout_ids: string[] }, { container }) => {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
  const payoutModule: PayoutModuleService = container.resolve(PAYOUT_MODULE)
  const results: SentPayout[] = []
  for (const id of input.payout_ids) {
    const moved = await ledger.transitionPayout(id, ["pending"], "processing", { attempted_at: new Date() })
    if (!moved.changed && moved.status !== "processing") {
      results.push({ id, status: moved.status })
      continue
    }
    const payout = await ledger.retrievePayout(id)
    // The destination copied when the payout was created; a later change of
    // the vendor's account never redirects it. (Payouts from before
    // destinations were recorded use the account they name.)
    const destination = payout.destination as { external_id: string | null; data: Record<string, unknown> | null } | null
    const [account] = destination ? [destination] : await payoutModule.listPayoutAccounts({ id: payout.payout_account_id })
    try {
      const provider = payoutModule.provider(payout.provider)
      const result = await provider.transfer({
        payout_id: payout.id,
        attempt: payout.attempt,
        vendor_id: payout.vendor_id,
        amount: rawAmount(payout, "amount"),
        currency_code: payout.currency_code,
        account: { external_id: account?.external_id ?? null, data: account?.data ?? null },
        transfer_group: await ledger.payoutOrderId(payout.id),
      })
      if (result.status === "paid") {
        const paid = await ledger.transitionPayout(id, ["processing"], "paid", {
          reference: result.reference,
          paid_at: new Date(),
          last_error: null,
        })
        results.push({ id, status: paid.status, ...(paid.changed ? { event: "payout.paid" as const } : {}) })
      } else {
        if (result.reference) await ledger.updatePayouts({ id, reference: result.reference })
        results.push({ id, status: "processing" })
      }
    } catch (e) {
      const definitive = e instanceof PayoutProviderError ? e.definitive : false
      const code = e instanceof PayoutProviderError ? e.code : "provider_error"
      const message = (e as Error).message
      if (definitive) {
        const failed = await ledger.failPayout(id, { code, reason: message }, ["processing"])
        results.push({ id, status: failed.status, error: message, ...(failed.changed ? { event: "payout.failed" as const } : {}) })
      } else {
        logger.warn(`Payout ${id}: the provider did not confirm (${message}); it will be resumed with the same idempotency key`)
        await ledger.updatePayouts({ id, last_error: `${code}: ${message}`.slice(0, 1000) })
        results.push({ id, status: "processing", error: message })
      }
    }
  }
  return new StepResponse(results)
})
