import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BigNumber, MathBN } from "@medusajs/framework/utils"
import { LEDGER_MODULE } from "../../../modules/ledger"
import type LedgerModuleService from "../../../modules/ledger/service"
import { allocateRounded } from "../../../modules/ledger/rounding"
import type { SplitVendorOrder } from "../../../modules/vendor/types"

/**
 * Posts each new vendor order's sale (+ its total, rounded so that one
 * order's vendors add up to the order's rounded total) and commission
 * (− its commission total) to the vendor ledger. Both stay pending until
 * delivery plus the hold period. Keys `sale:<vendor order>` and
 * `commission:<vendor order>` make it idempotent. Rows are never deleted, so
 * compensation posts nothing back: a failed split leaves no rows because
 * this is the split's last writing step.
 */
export const postSplitLedgerStep = createStep(
  "post-split-ledger",
  async (input: { order_id: string; splits: SplitVendorOrder[]; created: { id: string; vendor_id: string }[] }, { container }) => {
    if (!input.created.length) return new StepResponse([] as string[])
    const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
    const currency = input.splits[0].currency_code
    const sales = allocateRounded(input.splits.map((s) => s.total), currency)
    const voOf = new Map(input.created.map((c) => [c.vendor_id, c.id]))
    const rows = input.splits.flatMap((split, i) => {
      const vo = voOf.get(split.vendor_id)
      if (!vo) return []
      const base = { vendor_id: split.vendor_id, currency_code: currency, order_id: input.order_id, vendor_order_id: vo }
      const out = [{ ...base, type: "sale", amount: sales[i], idempotency_key: `sale:${vo}`, reference: `order:${input.order_id}` }]
      if (MathBN.gt(split.commission_total ?? 0, 0)) {
        out.push({
          ...base,
          type: "commission",
          amount: new BigNumber(MathBN.mult(split.commission_total!, -1)),
          idempotency_key: `commission:${vo}`,
          reference: `order:${input.order_id}`,
        })
      }
      return out
    })
    return new StepResponse(await ledger.post(rows))
  }
)
