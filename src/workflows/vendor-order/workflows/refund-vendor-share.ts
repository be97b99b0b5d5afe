import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { BigNumberInput } from "@medusajs/framework/types"
import { acquireLockStep, capturePaymentWorkflow, refundPaymentWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { findOrderPaymentStep } from "../steps/find-order-payment"
import { recordVendorOrderRefundStep } from "../steps/record-vendor-order-refund"
import { postRefundLedgerStep } from "../steps/post-refund-ledger"

export type RefundVendorShareInput = {
  order_id: string
  vendor_order_id: string
  amount: BigNumberInput
  actor_id?: string | null
  note: string
}

/**
 * Refunds part of the master order's payment for one vendor, through
 * Medusa's refundPaymentWorkflow, adds it to the vendor order's
 * refunded_total, and posts the refund and commission reversal to the
 * vendor's ledger. Lilium captures payments when orders are placed; if that
 * has not happened yet, the payment is captured here first (under the same
 * lock as the capture subscriber), since only captured money can be refunded.
 */
export const refundVendorShareWorkflow = createWorkflow("refund-vendor-share", (input: RefundVendorShareInput) => {
  const lockKey = transform({ input }, ({ input }) => `order-payment:${input.order_id}`)
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 60, executeOnSubWorkflow: true })
  const payment = findOrderPaymentStep({ order_id: input.order_id })
  when({ payment }, ({ payment }) => !payment.is_captured).then(() => {
    capturePaymentWorkflow.runAsStep({
      input: transform({ payment, input }, ({ payment, input }) => ({ payment_id: payment.id, captured_by: input.actor_id ?? undefined })),
    })
  })
  refundPaymentWorkflow.runAsStep({
    input: transform({ payment, input }, ({ payment, input }) => ({
      payment_id: payment.id,
      amount: input.amount,
      created_by: input.actor_id ?? undefined,
      note: input.note,
    })),
  })
  recordVendorOrderRefundStep({ vendor_order_id: input.vendor_order_id, amount: input.amount })
  postRefundLedgerStep({ vendor_order_id: input.vendor_order_id, amount: input.amount })
  releaseLockStep({ key: lockKey, executeOnSubWorkflow: true })
  return new WorkflowResponse(payment)
})
