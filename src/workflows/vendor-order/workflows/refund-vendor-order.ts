import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep } from "@medusajs/medusa/core-flows"
import { loadVendorOrderRefStep } from "../steps/load-vendor-order-ref"
import { findOrderPaymentStep } from "../steps/find-order-payment"
import { reserveVendorOrderRefundStep } from "../steps/reserve-vendor-order-refund"
import { composeCaptureIfNeeded, composeRefundReserved, orderPaymentLockKey, PAYMENT_LOCK } from "../utils/compose-refund"
import type { AuditContext } from "../../../modules/audit/types"

export type RefundVendorOrderInput = {
  vendor_order_id: string
  amount: number
  note: string
  actor_id?: string | null
  audit?: AuditContext
}

/**
 * An operator's refund on one vendor order without a return (a goodwill
 * gesture, a price correction). Under the order's payment lock: the refund
 * gate reserves exactly `amount` or refuses it (400, nothing written) when
 * more than is left on the vendor order or on the payment; the payment is
 * captured if it is only authorized; the ledger gets the refund and the
 * proportional commission reversal and the audit its entry; then Medusa
 * refunds the payment, the last step that can fail (decision 49). Emits
 * vendor_order.refunded.
 */
export const refundVendorOrderWorkflow = createWorkflow("refund-vendor-order", (input: RefundVendorOrderInput) => {
  const ref = loadVendorOrderRefStep({ vendor_order_id: input.vendor_order_id })
  const key = transform({ ref }, ({ ref }) => orderPaymentLockKey(ref.order_id))
  acquireLockStep({ key, ...PAYMENT_LOCK })
  const payment = findOrderPaymentStep({ order_id: ref.order_id })
  const reservations = reserveVendorOrderRefundStep({
    refunds: transform({ input }, ({ input }) => [{ vendor_order_id: input.vendor_order_id, amount: input.amount }]),
    mode: "exact",
    payment,
  })
  composeCaptureIfNeeded(payment, input.actor_id)
  composeRefundReserved({
    payment,
    reservations,
    input,
    audit: { ref, context: input.audit, reason: "operator", note: input.note },
    event: {
      name: "vendor_order.refunded",
      data: transform({ input }, ({ input }) => ({ id: input.vendor_order_id, amount: input.amount })),
    },
    lockKey: key,
  })
  return new WorkflowResponse({ id: input.vendor_order_id })
})
