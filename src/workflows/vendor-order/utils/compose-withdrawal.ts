import { transform, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep } from "@medusajs/medusa/core-flows"
import { loadVendorOrderRefStep } from "../steps/load-vendor-order-ref"
import { loadVendorOrderLinesStep } from "../steps/load-vendor-order-lines"
import { transitionVendorOrderStep } from "../steps/transition-vendor-order"
import { findOrderPaymentStep } from "../steps/find-order-payment"
import { reserveVendorOrderRefundStep } from "../steps/reserve-vendor-order-refund"
import type { VendorOrderActor } from "../types"
import { removeVendorLinesFromOrderWorkflow } from "../workflows/remove-vendor-lines-from-order"
import { composeCaptureIfNeeded, composeRefundReserved, orderPaymentLockKey, PAYMENT_LOCK } from "./compose-refund"
import type { AuditContext } from "../../../modules/audit/types"

export type WithdrawVendorOrderInput = { vendor_order_id: string; actor: VendorOrderActor; reason?: string | null; audit?: AuditContext }

const DONE = { reject: "rejected", cancel: "canceled" } as const

/**
 * Takes a vendor's part out of the master order, for a rejection or a
 * cancellation (composed into either workflow), all under the order's
 * payment lock:
 * 1. the status transition, compare-and-set (409 when illegal or when a
 *    concurrent call got there first; a cancellation also needs nothing
 *    fulfilled);
 * 2. the refund gate reserves everything still refundable on the vendor
 *    order (capped by the payment);
 * 3. the payment is captured if the order.placed capture has not run yet —
 *    before the order edit, which would otherwise cancel the authorized
 *    payment (Medusa recreates an authorized collection whose order total
 *    changes);
 * 4. a Medusa order edit removes the vendor's items and shipping;
 * 5. the ledger rows and the audit entry are written;
 * 6. Medusa refunds the reserved amount: the last step that can fail, so a
 *    failure anywhere before it compensates 1–5 (status back, reservation
 *    released, the edit undone by Medusa, reversing ledger rows) and no
 *    failure after it can undo the refund (decision 49);
 * and the event vendor_order.rejected|canceled.
 */
export function composeVendorOrderWithdrawal(input: WorkflowData<WithdrawVendorOrderInput>, action: "reject" | "cancel") {
  const ref = loadVendorOrderRefStep({ vendor_order_id: input.vendor_order_id })
  const key = transform({ ref }, ({ ref }) => orderPaymentLockKey(ref.order_id))
  acquireLockStep({ key, ...PAYMENT_LOCK })
  const lines = loadVendorOrderLinesStep(
    transform({ input }, ({ input }) => ({ vendor_order_id: input.vendor_order_id, require_unfulfilled: action === "cancel" }))
  )
  const vo = transitionVendorOrderStep(transform({ input }, ({ input }) => ({ ...input, action })))
  const payment = findOrderPaymentStep({ order_id: ref.order_id })
  const reservations = reserveVendorOrderRefundStep({
    refunds: transform({ input }, ({ input }) => [{ vendor_order_id: input.vendor_order_id, amount: null }]),
    mode: "up_to",
    payment,
  })
  const actorId = transform({ input }, ({ input }) => input.actor.id ?? null)
  composeCaptureIfNeeded(payment, actorId)
  const description = transform({ input }, ({ input }) => `Vendor order ${DONE[action]}${input.reason ? `: ${input.reason}` : ""}`)
  removeVendorLinesFromOrderWorkflow.runAsStep({
    input: transform({ lines, input, description }, ({ lines, input, description }) => ({
      order_id: lines.order_id,
      line_item_ids: lines.line_item_ids,
      shipping_method_ids: lines.shipping_method_ids,
      actor_id: input.actor.id ?? null,
      description,
    })),
  })
  composeRefundReserved({
    payment,
    reservations,
    input: transform({ input, description }, ({ input, description }) => ({ actor_id: input.actor.id ?? null, note: description })),
    audit: { ref, context: input.audit, reason: action, note: input.reason },
    event: {
      name: `vendor_order.${DONE[action]}`,
      data: transform({ vo, input }, ({ vo, input }) => ({
        id: vo.id,
        vendor_id: vo.vendor_id,
        reason: input.reason ?? null,
        actor: input.actor,
      })),
    },
    lockKey: key,
  })
  return vo
}
