import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import type { OrderPayment } from "./find-order-payment"

export type RefundReservation = { vendor_order_id: string; amount: string; refunded_total: string }

export type ReserveVendorOrderRefundInput = {
  refunds: { vendor_order_id: string; amount: BigNumberInput | null }[]
  /**
   * exact: refund exactly `amount` or refuse (400, nothing written): the
   * operator's refund. up_to: refund `amount` (null: all that is left) capped
   * by what is left, possibly 0: a return, a rejection, a cancellation, and
   * refunds made outside Lilium that are being attributed.
   */
  mode: "exact" | "up_to"
  /**
   * The order's payment as read under the payment lock, when the money is
   * still to be refunded from it: what it can still give back is captured
   * − refunded (the authorized amount if it is not captured yet, since the
   * flow captures it before refunding). Null for refunds that already left
   * the payment (reconciliation).
   */
  payment: OrderPayment | null
}

/**
 * THE refund gate. Every flow that refunds money of a vendor order goes
 * through this step, holding the order's payment lock (`order-payment:<order
 * id>`, Medusa's Locking module): the operator's refund, a vendor's return,
 * a rejection, a cancellation, and the reconciliation of refunds made
 * outside Lilium. It computes what is still refundable on each vendor order
 * (total − refunded_total) and on the payment (captured − refunded), and
 * reserves the refund by adding it to refunded_total under a row lock
 * (VendorModuleService.reserveVendorOrderRefund), before any money moves.
 * A refusal throws before anything is written. Compensation gives the
 * reservations back if a later step (the payment refund) fails.
 */
export const reserveVendorOrderRefundStep = createStep(
  "reserve-vendor-order-refund",
  async (input: ReserveVendorOrderRefundInput, { container }) => {
    const reserved = await reserveVendorOrderRefunds(container.resolve(VENDOR_MODULE), input)
    return new StepResponse(reserved, reserved)
  },
  async (reserved, { container }) => {
    if (!reserved?.length) return
    const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
    for (const r of reserved) if (MathBN.gt(r.amount, 0)) await vendors.releaseVendorOrderRefund(r.vendor_order_id, r.amount)
  }
)

/**
 * The step's work, as a plain function so that the vendor module's property
 * test (vendor-order-properties.spec.ts) runs this very code: the refunds
 * are reserved one after the other, and each one's payment cap is what the
 * payment has left after the ones before it (the payment is shared by the
 * order's vendor orders; the caller holds the order's payment lock). If one
 * is refused, the ones already reserved are given back before rethrowing.
 */
export async function reserveVendorOrderRefunds(
  vendors: VendorModuleService,
  input: ReserveVendorOrderRefundInput
): Promise<RefundReservation[]> {
  let paymentLeft: any = null
  if (input.payment) {
    const base = input.payment.is_captured ? input.payment.captured : input.payment.amount
    paymentLeft = MathBN.max(MathBN.sub(base, input.payment.refunded), 0)
  }
  const reserved: RefundReservation[] = []
  try {
    for (const r of input.refunds) {
      const res = await vendors.reserveVendorOrderRefund(r.vendor_order_id, {
        amount: r.amount,
        mode: input.mode,
        payment_left: paymentLeft === null ? null : paymentLeft.toFixed(),
      })
      const amount = MathBN.convert(res.amount)
      if (paymentLeft !== null) paymentLeft = MathBN.sub(paymentLeft, amount)
      reserved.push({
        vendor_order_id: r.vendor_order_id,
        amount: amount.toFixed(),
        refunded_total: MathBN.convert(res.refunded_total).toFixed(),
      })
    }
  } catch (e) {
    for (const r of reserved) if (MathBN.gt(r.amount, 0)) await vendors.releaseVendorOrderRefund(r.vendor_order_id, r.amount)
    throw e
  }
  return reserved
}
