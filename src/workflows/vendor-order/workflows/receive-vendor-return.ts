import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  beginReceiveReturnWorkflow,
  confirmReturnReceiveWorkflow,
  createAndCompleteReturnOrderWorkflow,
  emitEventStep,
  receiveItemReturnRequestWorkflow,
} from "@medusajs/medusa/core-flows"
import { resolveVendorReturnStep } from "../steps/resolve-vendor-return"
import type { VendorOrderActor } from "../types"
import { refundVendorShareWorkflow } from "./refund-vendor-share"

export type ReceiveVendorReturnInput = {
  vendor_order_id: string
  items: { id: string; quantity: number }[]
  note?: string | null
  actor: VendorOrderActor
}

/**
 * A vendor receives a return of its own items at its own location through
 * Medusa's return workflows (create the return, then begin, receive and
 * confirm the receipt, which puts the stock back), and refunds the returned
 * units' share of the payment. The receipt is not done with the create
 * workflow's receive_now: in Medusa 2.21 that receives every order item in
 * full, so it fails for a partial return. The
 * vendor order's refunded_total grows by that amount. Emits
 * vendor_order.return_received.
 */
export const receiveVendorReturnWorkflow = createWorkflow("receive-vendor-return", (input: ReceiveVendorReturnInput) => {
  const plan = resolveVendorReturnStep(transform({ input }, ({ input }) => ({ vendor_order_id: input.vendor_order_id, items: input.items })))
  const ret = createAndCompleteReturnOrderWorkflow.runAsStep({
    input: transform({ plan, input }, ({ plan, input }) => ({
      order_id: plan.order_id,
      items: plan.items,
      location_id: plan.location_id,
      return_shipping: { option_id: plan.return_option_id },
      refund_amount: plan.amount.numeric,
      created_by: input.actor.id ?? undefined,
      note: input.note ?? undefined,
    })),
  })
  beginReceiveReturnWorkflow.runAsStep({
    input: transform({ ret, input }, ({ ret, input }) => ({ return_id: ret.id, created_by: input.actor.id ?? undefined })),
  })
  receiveItemReturnRequestWorkflow.runAsStep({
    input: transform({ ret, plan }, ({ ret, plan }) => ({ return_id: ret.id, items: plan.items })),
  })
  confirmReturnReceiveWorkflow.runAsStep({
    input: transform({ ret, input }, ({ ret, input }) => ({ return_id: ret.id, confirmed_by: input.actor.id ?? undefined })),
  })
  refundVendorShareWorkflow.runAsStep({
    input: transform({ plan, input }, ({ plan, input }) => ({
      order_id: plan.order_id,
      vendor_order_id: input.vendor_order_id,
      amount: plan.amount,
      actor_id: input.actor.id ?? null,
      note: input.note ? `Return: ${input.note}` : "Return received by the vendor",
    })),
  })
  emitEventStep({
    eventName: "vendor_order.return_received",
    data: transform({ input, ret, plan }, ({ input, ret, plan }) => ({ id: input.vendor_order_id, return_id: ret.id, amount: plan.amount.numeric })),
  })
  return new WorkflowResponse({ return: ret, refunded: plan.amount })
})
