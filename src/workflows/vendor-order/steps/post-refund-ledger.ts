import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { BigNumberInput } from "@medusajs/framework/types"
import { LEDGER_MODULE } from "../../../modules/ledger"
import type LedgerModuleService from "../../../modules/ledger/service"
import { refundPostings } from "../../../modules/ledger/postings"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import { availableAfterDelivery } from "../../../utils/payout-hold"

/**
 * Posts a refund of part of a vendor order to its ledger (see
 * refundPostings: refund and proportional commission reversal; a full
 * refund reverses exactly what is left). Rows posted after delivery share
 * the vendor order's availability; before it, they stay pending with the sale.
 * Run after recordVendorOrderRefundStep (refunded_total includes this refund).
 */
export const postRefundLedgerStep = createStep(
  "post-refund-ledger",
  async (input: { vendor_order_id: string; amount: BigNumberInput }, { container }) => {
    const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
    const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
    const vo: any = await vendors.retrieveVendorOrder(input.vendor_order_id)
    const sums = await ledger.sumsForVendorOrder(vo.id)
    const rows = refundPostings(
      {
        id: vo.id,
        vendor_id: vo.vendor_id,
        order_id: vo.order_id,
        currency_code: vo.currency_code,
        total: vo.raw_total ?? vo.total,
        commission_total: vo.raw_commission_total ?? vo.commission_total,
        refunded_total: vo.raw_refunded_total ?? vo.refunded_total,
      },
      sums,
      input.amount,
      vo.delivered_at ? availableAfterDelivery(vo.delivered_at) : null
    )
    return new StepResponse(await ledger.post(rows))
  }
)
