import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LEDGER_MODULE } from "../../../modules/ledger"
import type LedgerModuleService from "../../../modules/ledger/service"
import { splitPostings } from "../../../modules/ledger/postings"
import type { SplitVendorOrder } from "../../../modules/vendor/types"

/**
 * Posts each new vendor order's sale and commission to the vendor ledger
 * (see splitPostings); both stay pending until delivery plus the hold. The
 * idempotency keys make a re-run harmless. Ledger rows are never deleted,
 * so there is no compensation; this is the split's last writing step.
 */
export const postSplitLedgerStep = createStep(
  "post-split-ledger",
  async (input: { order_id: string; splits: SplitVendorOrder[]; created: { id: string; vendor_id: string }[] }, { container }) => {
    if (!input.created.length) return new StepResponse([] as string[])
    const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
    const voOf = new Map(input.created.map((c) => [c.vendor_id, c.id]))
    // Vendor orders not created now (already split) still count in the cent allocation.
    const all = input.splits.map((s) => ({
      id: voOf.get(s.vendor_id) ?? `existing:${s.vendor_id}`,
      vendor_id: s.vendor_id,
      order_id: input.order_id,
      currency_code: s.currency_code,
      total: s.total,
      commission_total: s.commission_total ?? 0,
    }))
    return new StepResponse(await ledger.post(splitPostings(all, new Set(input.created.map((c) => c.id)))))
  }
)
