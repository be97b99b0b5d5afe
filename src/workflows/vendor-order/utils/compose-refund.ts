import { transform, when, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { MathBN } from "@medusajs/framework/utils"
import { capturePaymentWorkflow, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import type { OrderPayment } from "../steps/find-order-payment"
import { postRefundLedgerStep } from "../steps/post-refund-ledger"
import { refundOrderPaymentStep } from "../steps/refund-order-payment"
import type { RefundReservation } from "../steps/reserve-vendor-order-refund"
import { composeRefundAudit } from "../../audit/compose-refund-audit"
import { creditInvoiceStep } from "../../invoice/steps/credit-invoice"
import { reissueInvoicePaymentStep } from "../../invoice/steps/reissue-invoice-payment"
import { INVOICE_PAYMENT_PROVIDER } from "../../../lib/invoice-terms"

/** The key of the lock every capture and refund of an order's payment holds. */
export const orderPaymentLockKey = (orderId: string) => `order-payment:${orderId}`
/** Lock wait and lease (seconds) for flows holding the payment lock. */
export const PAYMENT_LOCK = { timeout: 60, ttl: 120 } as const

/**
 * Steps composed after the payment refund must not be able to undo it
 * (decision 49): a failure there is logged by Medusa and the flow still
 * finishes, instead of compensating the reservation and the ledger rows of
 * money that has already left.
 */
export const AFTER_REFUND = { continueOnPermanentFailure: true } as const

/**
 * Captures the order's payment if it is only authorized yet (the
 * order.placed subscriber may not have run: on the Redis shape it runs on
 * the worker). Composed right after the refund gate, under the payment
 * lock, before anything that edits the order: a Medusa order edit or
 * return on an order whose payment collection is still `authorized`
 * cancels that payment and opens a new collection, and there is then
 * nothing to refund from. A capture is not undone when a later step fails:
 * it is what the order.placed subscriber does anyway.
 *
 * An invoice payment (pp_invoice_invoice) is never captured here: capturing
 * it means the company has paid, which only mark-invoice-paid records
 * (issue 19). While the invoice is open, refunds are credits on it
 * (composeRefundReserved).
 */
export function composeCaptureIfNeeded(
  payment: WorkflowData<OrderPayment>,
  actorId: WorkflowData<string | null> | string | null | undefined
) {
  when({ payment }, ({ payment }) => !payment.is_captured && payment.provider_id !== INVOICE_PAYMENT_PROVIDER).then(() => {
    capturePaymentWorkflow.runAsStep({
      input: transform({ payment, actorId }, ({ payment, actorId }) => ({
        payment_id: payment.id,
        captured_by: actorId ?? undefined,
      })),
    })
  })
}

type RefundNote = { actor_id?: string | null; note: string }

/**
 * The end of every refund flow that pays money back, composed after the
 * refund gate (and after the capture, status change, return or order edit,
 * all of which compensate), in this order:
 * 1. the ledger rows (refund and commission reversal; compensation: reversing rows);
 * 2. the `refund.created` audit entries (compensation: `refund.reverted` entries);
 * 3. Medusa's refund of the reserved total on the order's payment (nothing
 *    when it is 0): the last step that can fail the flow — or, when the
 *    order's invoice is still open (nothing paid, issue 19), a credit on the
 *    invoice instead, after re-authorizing the invoice if an order edit or
 *    return made Medusa cancel it (the ledger rows then stay pending with
 *    the sale until the invoice is paid);
 * 4. the flow's event and the release of the payment lock, which cannot.
 * Returns the refunded total.
 */
export function composeRefundReserved(opts: {
  payment: WorkflowData<OrderPayment>
  reservations: WorkflowData<RefundReservation[]>
  input: WorkflowData<RefundNote> | RefundNote
  audit: {
    ref: WorkflowData<{ vendor_id: string; order_id: string }>
    context: unknown
    reason: "operator" | "return" | "reject" | "cancel"
    note?: unknown
  }
  event: { name: string; data: WorkflowData<unknown> }
  lockKey: WorkflowData<string>
}) {
  const { payment, reservations } = opts
  const total = transform({ reservations }, ({ reservations }) =>
    reservations.reduce((sum: any, r) => MathBN.add(sum, r.amount), MathBN.convert(0)).toFixed()
  )
  const held = transform({ payment }, ({ payment }) => payment.invoice_open)
  postRefundLedgerStep({ reservations, held })
  composeRefundAudit(opts.audit.ref, reservations, opts.audit.context, opts.audit.reason, opts.audit.note)
  when({ payment }, ({ payment }) => payment.invoice_open).then(() => {
    const orderId = transform({ ref: opts.audit.ref }, ({ ref }) => ({ order_id: ref.order_id }))
    reissueInvoicePaymentStep(orderId)
    creditInvoiceStep(transform({ ref: opts.audit.ref, total }, ({ ref, total }) => ({ order_id: ref.order_id, amount: total })))
  })
  when({ total, payment }, ({ total, payment }) => MathBN.gt(total, 0) && !payment.invoice_open).then(() => {
    refundOrderPaymentStep(
      transform({ payment, total, input: opts.input as WorkflowData<RefundNote> }, ({ payment, total, input }) => ({
        payment_id: payment.id,
        amount: total,
        created_by: input.actor_id ?? null,
        note: input.note,
      }))
    )
  })
  composeAfterRefund(opts.event, opts.lockKey)
  return total
}

/** What follows the money: the flow's event and the lock release, neither able to fail the flow. */
export function composeAfterRefund(event: { name: string; data: WorkflowData<unknown> }, lockKey: WorkflowData<string>) {
  emitEventStep({ eventName: event.name, data: event.data }).config({ name: "emit-refund-flow-event", ...AFTER_REFUND })
  releaseLockStep({ key: lockKey }).config({ name: "release-order-payment-lock", ...AFTER_REFUND })
}
