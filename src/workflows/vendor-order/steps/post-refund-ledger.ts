import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BigNumber, MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { LEDGER_MODULE } from "../../../modules/ledger"
import type LedgerModuleService from "../../../modules/ledger/service"
import type { Posting } from "../../../modules/ledger/service"
import { roundHalfEven } from "../../../modules/commission/resolve"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import { availableAfterDelivery } from "../../../utils/payout-hold"

/**
 * Posts a refund of part of a vendor order to its ledger: `refund` (− what
 * was refunded) and `commission_reversal` (+ the commission on it, in
 * proportion: commission_total × refund ÷ total, half-even). When the vendor
 * order is now refunded in full, both reverse exactly what remains, so the
 * vendor order's rows sum to 0. Rows posted after delivery share the
 * vendor order's availability; before it, they stay pending with the sale.
 * Run after recordVendorOrderRefundStep (refunded_total includes this refund).
 */
export const postRefundLedgerStep = createStep(
  "post-refund-ledger",
  async (input: { vendor_order_id: string; amount: BigNumberInput }, { container }) => {
    const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
    const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
    const vo: any = await vendors.retrieveVendorOrder(input.vendor_order_id)
    const sums = await ledger.sumsForVendorOrder(vo.id)
    const currency = vo.currency_code
    const saleLeft = MathBN.add(sums.sale ?? 0, sums.refund ?? 0) // refunds are negative
    const commissionLeft = MathBN.mult(MathBN.add(sums.commission ?? 0, sums.commission_reversal ?? 0), -1)
    const full = MathBN.gte(vo.raw_refunded_total ?? vo.refunded_total, vo.raw_total ?? vo.total)

    let refund = full ? MathBN.convert(saleLeft) : roundHalfEven(input.amount, currency)
    if (MathBN.gt(refund, saleLeft)) refund = MathBN.convert(saleLeft)
    let reversal = full
      ? MathBN.convert(commissionLeft)
      : roundHalfEven(MathBN.div(MathBN.mult(vo.raw_commission_total ?? vo.commission_total, input.amount), vo.raw_total ?? vo.total), currency)
    if (MathBN.gt(reversal, commissionLeft)) reversal = MathBN.convert(commissionLeft)

    const key = `${vo.id}:${new BigNumber(vo.raw_refunded_total ?? vo.refunded_total).numeric}`
    const base = {
      vendor_id: vo.vendor_id,
      currency_code: currency,
      order_id: vo.order_id,
      vendor_order_id: vo.id,
      available_at: vo.delivered_at ? availableAfterDelivery(vo.delivered_at) : null,
    }
    const rows: Posting[] = []
    if (MathBN.gt(refund, 0)) rows.push({ ...base, type: "refund", amount: new BigNumber(MathBN.mult(refund, -1)), idempotency_key: `refund:${key}` })
    if (MathBN.gt(reversal, 0)) rows.push({ ...base, type: "commission_reversal", amount: new BigNumber(reversal), idempotency_key: `commission_reversal:${key}` })
    return new StepResponse(await ledger.post(rows))
  }
)
