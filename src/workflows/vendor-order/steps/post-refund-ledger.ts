import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN } from "@medusajs/framework/utils"
import { LEDGER_MODULE } from "../../../modules/ledger"
import type LedgerModuleService from "../../../modules/ledger/service"
import { refundPostings } from "../../../modules/ledger/postings"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import { availableAfterDelivery } from "../../../utils/payout-hold"
import type { RefundReservation } from "./reserve-vendor-order-refund"

/**
 * Posts refunds reserved by the refund gate to the vendors' ledgers (see
 * refundPostings: refund and proportional commission reversal; a refund
 * that completes the refunded total reverses exactly what is left). The
 * idempotency key is the refunded total the reservation reached, so a
 * retry posts nothing twice. Rows posted after delivery share the vendor
 * order's availability; before it, they stay pending with the sale.
 * Reservations of 0 post nothing.
 */
export const postRefundLedgerStep = createStep(
  "post-refund-ledger",
  async (input: { reservations: RefundReservation[] }, { container }) => {
    const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
    const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
    const posted: string[] = []
    for (const r of input.reservations ?? []) {
      if (!MathBN.gt(r.amount, 0)) continue
      const vo: any = await vendors.retrieveVendorOrder(r.vendor_order_id)
      const sums = await ledger.sumsForVendorOrder(vo.id)
      const rows = refundPostings(
        {
          id: vo.id,
          vendor_id: vo.vendor_id,
          order_id: vo.order_id,
          currency_code: vo.currency_code,
          total: vo.raw_total ?? vo.total,
          commission_total: vo.raw_commission_total ?? vo.commission_total,
          refunded_total: r.refunded_total,
        },
        sums,
        r.amount,
        vo.delivered_at ? availableAfterDelivery(vo.delivered_at) : null
      )
      posted.push(...(await ledger.post(rows)))
    }
    return new StepResponse(posted)
  }
)
