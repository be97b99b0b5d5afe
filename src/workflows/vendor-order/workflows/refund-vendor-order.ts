import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { checkRefundableStep } from "../steps/check-refundable"
import { refundVendorShareWorkflow } from "./refund-vendor-share"

export type RefundVendorOrderInput = { vendor_order_id: string; amount: number; note: string; actor_id?: string | null }

/**
 * An operator's refund on one vendor order without a return (a goodwill
 * gesture, a price correction): Medusa refunds the payment, and the ledger
 * gets the refund and the proportional commission reversal. Emits
 * vendor_order.refunded.
 */
export const refundVendorOrderWorkflow = createWorkflow("refund-vendor-order", (input: RefundVendorOrderInput) => {
  const vo = checkRefundableStep({ vendor_order_id: input.vendor_order_id, amount: input.amount })
  refundVendorShareWorkflow.runAsStep({
    input: transform({ vo, input }, ({ vo, input }) => ({
      order_id: vo.order_id,
      vendor_order_id: input.vendor_order_id,
      amount: input.amount,
      actor_id: input.actor_id ?? null,
      note: input.note,
    })),
  })
  emitEventStep({
    eventName: "vendor_order.refunded",
    data: transform({ input }, ({ input }) => ({ id: input.vendor_order_id, amount: input.amount })),
  })
  return new WorkflowResponse({ id: input.vendor_order_id })
})
