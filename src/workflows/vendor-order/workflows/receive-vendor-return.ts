import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  beginReceiveReturnWorkflow,
  confirmReturnReceiveWorkflow,
  createAndCompleteReturnOrderWorkflow,
  receiveItemReturnRequestWorkflow,
} from "@medusajs/medusa/core-flows"
import { loadVendorOrderRefStep } from "../steps/load-vendor-order-ref"
import { resolveVendorReturnStep } from "../steps/resolve-vendor-return"
import { findOrderPaymentStep } from "../steps/find-order-payment"
import { reserveVendorOrderRefundStep } from "../steps/reserve-vendor-order-refund"
import { cancelRolledBackReturnStep } from "../steps/cancel-rolled-back-return"
import type { VendorOrderActor } from "../types"
import { composeCaptureIfNeeded, composeRefundReserved, orderPaymentLockKey, PAYMENT_LOCK } from "../utils/compose-refund"
import type { AuditContext } from "../../../modules/audit/types"

export type ReceiveVendorReturnInput = {
  vendor_order_id: string
  items: { id: string; quantity: number }[]
  note?: string | null
  actor: VendorOrderActor
  audit?: AuditContext
}

/**
 * A vendor receives a return of its own items at its own location through
 * Medusa's return workflows (create the return, then begin, receive and
 * confirm the receipt, which puts the stock back), and refunds the returned
 * units' share of the payment. The receipt is not done with the create
 * workflow's receive_now: in Medusa 2.21 that receives every order item in
 * full, so it fails for a partial return.
 *
 * All of it runs under the order's payment lock. The refund goes through
 * the refund gate in `up_to` mode: the returned units' value, capped by
 * what is still refundable on the vendor order and the payment. After a
 * full refund the goods still come back, but no more money: the return's
 * refund_amount and the refund are 0. Emits vendor_order.return_received.
 *
 * Order (decision 49): the gate's reservation, the capture if needed, and
 * Medusa's return workflows (a later failure reverts the receipt, the
 * stock and the order's items through Medusa's compensations, and
 * cancelRolledBackReturnStep cancels the return they leave open), then the
 * ledger rows and the audit entry, then the payment refund as the last
 * step that can fail.
 */
export const receiveVendorReturnWorkflow = createWorkflow("receive-vendor-return", (input: ReceiveVendorReturnInput) => {
  const ref = loadVendorOrderRefStep({ vendor_order_id: input.vendor_order_id })
  const key = transform({ ref }, ({ ref }) => orderPaymentLockKey(ref.order_id))
  acquireLockStep({ key, ...PAYMENT_LOCK })
  const plan = resolveVendorReturnStep(
    transform({ input }, ({ input }) => ({ vendor_order_id: input.vendor_order_id, items: input.items }))
  )
  const payment = findOrderPaymentStep({ order_id: ref.order_id })
  const reservations = reserveVendorOrderRefundStep({
    refunds: transform({ plan, input }, ({ plan, input }) => [{ vendor_order_id: input.vendor_order_id, amount: plan.amount }]),
    mode: "up_to",
    payment,
  })
  const refunded = transform({ reservations }, ({ reservations }) => reservations[0].amount)
  const actorId = transform({ input }, ({ input }) => input.actor.id ?? null)
  composeCaptureIfNeeded(payment, actorId)
  const ret = createAndCompleteReturnOrderWorkflow.runAsStep({
    input: transform({ plan, input, refunded }, ({ plan, input, refunded }) => ({
      order_id: plan.order_id,
      items: plan.items,
      location_id: plan.location_id,
      return_shipping: { option_id: plan.return_option_id },
      // eslint-disable-next-line no-restricted-syntax -- Medusa types refund_amount as number; the reserved amount is an exact decimal string, which its MathBN takes as is
      refund_amount: refunded as any,
      created_by: input.actor.id ?? undefined,
      note: input.note ?? undefined,
    })),
  })
  cancelRolledBackReturnStep(transform({ ret }, ({ ret }) => ({ return_id: ret.id })))
  beginReceiveReturnWorkflow.runAsStep({
    input: transform({ ret, input }, ({ ret, input }) => ({ return_id: ret.id, created_by: input.actor.id ?? undefined })),
  })
  receiveItemReturnRequestWorkflow.runAsStep({
    input: transform({ ret, plan }, ({ ret, plan }) => ({ return_id: ret.id, items: plan.items })),
  })
  confirmReturnReceiveWorkflow.runAsStep({
    input: transform({ ret, input }, ({ ret, input }) => ({ return_id: ret.id, confirmed_by: input.actor.id ?? undefined })),
  })
  composeRefundReserved({
    payment,
    reservations,
    input: transform({ input }, ({ input }) => ({
      actor_id: input.actor.id ?? null,
      note: input.note ? `Return: ${input.note}` : "Return received by the vendor",
    })),
    audit: { ref, context: input.audit, reason: "return", note: input.note },
    event: {
      name: "vendor_order.return_received",
      data: transform({ input, ret, refunded }, ({ input, ret, refunded }) => ({
        id: input.vendor_order_id,
        return_id: ret.id,
        amount: Number(refunded),
      })),
    },
    lockKey: key,
  })
  return new WorkflowResponse({ return: ret, refunded })
})
