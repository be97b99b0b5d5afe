import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BigNumber } from "@medusajs/framework/utils"
import { LEDGER_MODULE } from "../../../modules/ledger"
import type LedgerModuleService from "../../../modules/ledger/service"
import { roundHalfEven } from "../../../lib/money"

export type PostAdjustmentInput = {
  vendor_id: string
  amount: number
  currency_code: string
  reason: string
  created_by?: string | null
  idempotency_key: string
}

/**
 * Posts an operator's adjustment (signed, rounded half-even to the
 * currency), available at once. The ledger is append-only, so there is no
 * compensation: a wrong adjustment is corrected by another one. A replay
 * (the same idempotency key) posts nothing and answers the row posted
 * first, with `posted: false`, so that the workflow records it only once.
 */
export const postAdjustmentStep = createStep("post-adjustment", async (input: PostAdjustmentInput, { container }) => {
  const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
  const posted = await ledger.post([
    {
      vendor_id: input.vendor_id,
      type: "adjustment",
      amount: new BigNumber(roundHalfEven(input.amount, input.currency_code)),
      currency_code: input.currency_code,
      note: input.reason,
      created_by: input.created_by ?? null,
      available_at: new Date(),
      idempotency_key: input.idempotency_key,
    },
  ])
  const [row] = await ledger.listVendorTransactions({ idempotency_key: input.idempotency_key })
  return new StepResponse({ transaction: row, posted: posted.length > 0 })
})
