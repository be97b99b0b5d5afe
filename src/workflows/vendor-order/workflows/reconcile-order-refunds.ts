import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN } from "@medusajs/framework/utils"
import { acquireLockStep } from "@medusajs/medusa/core-flows"
import { computeUnattributedRefundsStep } from "../steps/compute-unattributed-refunds"
import { reserveVendorOrderRefundStep } from "../steps/reserve-vendor-order-refund"
import { postRefundLedgerStep } from "../steps/post-refund-ledger"
import { composeAfterRefund, orderPaymentLockKey, PAYMENT_LOCK } from "../utils/compose-refund"
import { composeRefundAudit } from "../../audit/compose-refund-audit"

/**
 * After any refund of an order's payment: refunds no vendor order accounts
 * for are spread over its vendor orders and their ledgers. It takes the
 * order's payment lock, which Lilium's own refund flows hold while they
 * refund and record, so their refunds are never counted twice. The
 * allocations go through the refund gate (up_to, no payment cap: the money
 * has already left the payment), so no vendor order is ever attributed
 * more than its total. The money has already left, so the flow is all
 * Lilium's rows: the reservation, the ledger rows and the audit entry, each
 * compensated if a later one fails (decision 49); a failed run leaves the
 * refund unattributed, and the next run (the next payment.refunded of the
 * order) attributes it.
 */
export const reconcileOrderRefundsWorkflow = createWorkflow("reconcile-order-refunds", (input: { order_id: string }) => {
  const key = transform({ input }, ({ input }) => orderPaymentLockKey(input.order_id))
  acquireLockStep({ key, ...PAYMENT_LOCK })
  const allocations = computeUnattributedRefundsStep({ order_id: input.order_id })
  const reservations = reserveVendorOrderRefundStep({
    refunds: transform({ allocations }, ({ allocations }) =>
      allocations.map((a) => ({ vendor_order_id: a.vendor_order_id, amount: a.amount }))
    ),
    mode: "up_to",
    payment: null,
  })
  postRefundLedgerStep({ reservations })
  composeRefundAudit(null, reservations, undefined, "external")
  const attributed = transform({ reservations }, ({ reservations }) =>
    reservations.filter((r) => MathBN.gt(r.amount, 0)).map((r) => ({ vendor_order_id: r.vendor_order_id, amount: Number(r.amount) }))
  )
  composeAfterRefund(
    {
      name: "vendor_order.refunded",
      data: transform({ attributed }, ({ attributed }) => attributed.map((a) => ({ id: a.vendor_order_id, amount: a.amount }))),
    },
    key
  )
  return new WorkflowResponse(attributed)
})
