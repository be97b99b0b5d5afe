import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { loadVendorOrderRefStep } from "../steps/load-vendor-order-ref"
import { findOrderPaymentStep } from "../steps/find-order-payment"
import { reserveVendorOrderRefundStep } from "../steps/reserve-vendor-order-refund"
import { composeCaptureIfNeeded, composeRefundReserved, orderPaymentLockKey, PAYMENT_LOCK } from "../utils/compose-refund"
import { composeRefundAudit } from "../../audit/compose-refund-audit"
import type { AuditContext } from "../../../modules/audit/types"

export type RefundVendorOrderInput = { vendor_order_id: string; amount: number; note: string; actor_id?: string | null; audit?: AuditContext }

/**
 * An operator's refund on one vendor order without a return (a goodwill
 * gesture, a price correction). Under the order's payment lock, the refund
 * gate reserves exactly `amount` or refuses it (400, nothing written) when
 * more than is left on the vendor order or on the payment; then Medusa
 * refunds the payment, and the ledger gets the refund and the proportional
 * commission reversal. Emits vendor_order.refunded.
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
  composeRefundReserved(payment, reservations, input)
  emitEventStep({
    eventName: "vendor_order.refunded",
    data: transform({ input }, ({ input }) => ({ id: input.vendor_order_id, amount: input.amount })),
  })
  releaseLockStep({ key })
  composeRefundAudit(ref, reservations, input.audit, "operator", input.note)
  return new WorkflowResponse({ id: input.vendor_order_id })
})
