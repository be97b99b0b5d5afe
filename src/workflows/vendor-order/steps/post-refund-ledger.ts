import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BigNumber, MathBN } from "@medusajs/framework/utils"
import { LEDGER_MODULE } from "../../../modules/ledger"
import type LedgerModuleService from "../../../modules/ledger/service"
import type { Posting } from "../../../modules/ledger/service"
import { refundPostings } from "../../../modules/ledger/postings"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import { rawAmount } from "../../../lib/money"
import { availableAfterDelivery } from "../../../utils/payout-hold"
import type { RefundReservation } from "./reserve-vendor-order-refund"

/**
 * Appends, for each ledger row given, a row of the same type with the
 * opposite amount (a refund −x gets +x, a commission reversal +y gets −y),
 * pending or available like the row it reverses, under the key
 * `refund_rollback:<row id>`: running it twice posts each reversal once.
 * Same type, so that the sums by type that later refunds start from
 * (refundPostings) stay what they were before the rolled-back refund.
 */
async function reverseRefundRows(ledger: LedgerModuleService, ids: string[]) {
  if (!ids.length) return
  const rows = await ledger.listVendorTransactions({ id: ids })
  const reversals: Posting[] = rows
    .filter((t) => !MathBN.eq(rawAmount(t, "amount"), 0))
    .map((t) => ({
      vendor_id: t.vendor_id,
      type: t.type,
      amount: new BigNumber(MathBN.mult(rawAmount(t, "amount"), -1)),
      currency_code: t.currency_code,
      order_id: t.order_id,
      vendor_order_id: t.vendor_order_id,
      reference: t.reference,
      note: "The refund was rolled back",
      available_at: t.available_at,
      idempotency_key: `refund_rollback:${t.id}`,
    }))
  await ledger.post(reversals)
}

/**
 * Posts refunds reserved by the refund gate to the vendors' ledgers (see
 * refundPostings: refund and proportional commission reversal; a refund
 * that completes the refunded total reverses exactly what is left). Rows
 * posted after delivery share the vendor order's availability; before it,
 * they stay pending with the sale. Reservations of 0 post nothing. With
 * `held` (the order's invoice is open, issue 19) they stay pending after
 * delivery too, like the sale they reduce: mark-invoice-paid releases both.
 *
 * Composed before the payment refund (decision 49): if anything after it
 * fails, up to and including Medusa's refund, the compensation appends a
 * reversing row for every row posted (the ledger is append-only), so each
 * vendor order's rows net to what they were. The idempotency key is the
 * refunded total the reservation reached plus the workflow run's id: a
 * retried step posts nothing twice, and a new attempt after a rolled-back
 * one (which reaches the same refunded total) posts its own rows.
 */
export const postRefundLedgerStep = createStep(
  "post-refund-ledger",
  async (input: { reservations: RefundReservation[]; held?: boolean }, { container, transactionId }) => {
    const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
    const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
    const posted: string[] = []
    try {
      for (const r of input.reservations ?? []) {
        if (!MathBN.gt(r.amount, 0)) continue
        const vo = await vendors.retrieveVendorOrder(r.vendor_order_id)
        const sums = await ledger.sumsForVendorOrder(vo.id)
        const rows = refundPostings(
          {
            id: vo.id,
            vendor_id: vo.vendor_id,
            order_id: vo.order_id,
            currency_code: vo.currency_code,
            total: rawAmount(vo, "total"),
            commission_total: rawAmount(vo, "commission_total"),
            refunded_total: r.refunded_total,
          },
          sums,
          r.amount,
          vo.delivered_at && !input.held ? availableAfterDelivery(vo.delivered_at) : null
        ).map((row) => ({ ...row, idempotency_key: `${row.idempotency_key}:${transactionId}` }))
        posted.push(...(await ledger.post(rows)))
      }
    } catch (e) {
      // A failed step gets no compensation input: undo the vendor orders already posted here.
      await reverseRefundRows(ledger, posted)
      throw e
    }
    return new StepResponse(posted, posted)
  },
  async (posted, { container }) => {
    if (!posted?.length) return
    await reverseRefundRows(container.resolve(LEDGER_MODULE), posted)
  }
)
