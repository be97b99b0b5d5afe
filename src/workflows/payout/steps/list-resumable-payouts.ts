import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LEDGER_MODULE } from "../../../modules/ledger"
import type LedgerModuleService from "../../../modules/ledger/service"

/**
 * Payouts a run must (re)send besides its own: pending ones (created and
 * debited, never sent, e.g. after a crash) and provider payouts left
 * processing without a confirmation (a timeout or a crash mid-call). They
 * are resent with the same idempotency key, so a provider that did move
 * the money answers with the same transfer. Manual payouts in processing
 * wait for the operator and are not resent.
 */
export const listResumablePayoutsStep = createStep(
  "list-resumable-payouts",
  async (input: { currency_code?: string | null; include: string[] }, { container }) => {
    const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
    const scope = input.currency_code ? { currency_code: input.currency_code } : {}
    const [pending, stuck] = await Promise.all([
      ledger.listPayouts({ ...scope, status: "pending" }, { select: ["id"], order: { created_at: "ASC" } }),
      ledger.listPayouts(
        { ...scope, status: "processing", reference: null, provider: { $ne: "manual" } },
        {
          select: ["id"],
          order: { created_at: "ASC" },
        }
      ),
    ])
    return new StepResponse([...new Set([...input.include, ...pending.map((p) => p.id), ...stuck.map((p) => p.id)])])
  }
)
