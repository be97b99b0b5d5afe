import { transform, when, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { MathBN } from "@medusajs/framework/utils"
import { capturePaymentWorkflow, refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import type { OrderPayment } from "../steps/find-order-payment"
import { postRefundLedgerStep } from "../steps/post-refund-ledger"
import type { RefundReservation } from "../steps/reserve-vendor-order-refund"

/** The key of the lock every capture and refund of an order's payment holds. */
export const orderPaymentLockKey = (orderId: string) => `order-payment:${orderId}`
/** Lock wait and lease (seconds) for flows holding the payment lock. */
export const PAYMENT_LOCK = { timeout: 60, ttl: 120 } as const

/**
 * Captures the order's payment if it is only authorized yet (the
 * order.placed subscriber may not have run: on the Redis shape it runs on
 * the worker). Composed right after the refund gate, under the payment
 * lock, before anything that edits the order: a Medusa order edit or
 * return on an order whose payment collection is still `authorized`
 * cancels that payment and opens a new collection, and there is then
 * nothing to refund from.
 */
export function composeCaptureIfNeeded(payment: WorkflowData<OrderPayment>, actorId: unknown) {
  when({ payment }, ({ payment }) => !payment.is_captured).then(() => {
    capturePaymentWorkflow.runAsStep({
      input: transform({ payment, actorId: actorId as any }, ({ payment, actorId }) => ({ payment_id: payment.id, captured_by: (actorId as any) ?? undefined })),
    })
  })
}

/**
 * Pays out what the refund gate reserved: Medusa's refundPaymentWorkflow on
 * the order's payment for the reserved total (nothing when it is 0), then
 * the ledger rows. Composed under the payment lock, after
 * reserveVendorOrderRefundStep.
 */
export function composeRefundReserved(
  payment: WorkflowData<OrderPayment>,
  reservations: WorkflowData<RefundReservation[]>,
  input: WorkflowData<{ actor_id?: string | null; note: string }> | { actor_id?: string | null; note: string }
) {
  const total = transform({ reservations }, ({ reservations }) =>
    reservations.reduce((sum: any, r) => MathBN.add(sum, r.amount), MathBN.convert(0)).toFixed()
  )
  when({ total }, ({ total }) => MathBN.gt(total, 0)).then(() => {
    refundPaymentWorkflow.runAsStep({
      input: transform({ payment, total, input: input as WorkflowData<{ actor_id?: string | null; note: string }> }, ({ payment, total, input }) => ({
        payment_id: payment.id,
        amount: total,
        created_by: input.actor_id ?? undefined,
        note: input.note,
      })),
    })
  })
  postRefundLedgerStep({ reservations })
  return total
}
