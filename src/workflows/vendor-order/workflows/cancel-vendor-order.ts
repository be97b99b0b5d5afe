import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { loadVendorOrderLinesStep } from "../steps/load-vendor-order-lines"
import { transitionVendorOrderStep } from "../steps/transition-vendor-order"
import type { VendorOrderActor } from "../types"
import { refundVendorShareWorkflow } from "./refund-vendor-share"
import { removeVendorLinesFromOrderWorkflow } from "./remove-vendor-lines-from-order"

export type CancelVendorOrderInput = { vendor_order_id: string; actor: VendorOrderActor; reason?: string | null }

/**
 * pending or accepted, with nothing fulfilled, → canceled (409 otherwise): the vendor's items and shipping leave the
 * master order through a Medusa order edit, and the vendor's share of the
 * payment is refunded. Other vendors' parts are untouched. Emits
 * vendor_order.canceled.
 */
export const cancelVendorOrderWorkflow = createWorkflow("cancel-vendor-order", (input: CancelVendorOrderInput) => {
  const lines = loadVendorOrderLinesStep(
    transform({ input }, ({ input }) => ({ vendor_order_id: input.vendor_order_id, require_unfulfilled: true }))
  )
  const vo = transitionVendorOrderStep(transform({ input }, ({ input }) => ({ ...input, action: "cancel" as const })))
  const description = transform({ input }, ({ input }) => `Vendor order canceled${input.reason ? `: ${input.reason}` : ""}`)
  removeVendorLinesFromOrderWorkflow.runAsStep({
    input: transform({ lines, input, description }, ({ lines, input, description }) => ({
      order_id: lines.order_id,
      line_item_ids: lines.line_item_ids,
      shipping_method_ids: lines.shipping_method_ids,
      actor_id: input.actor.id ?? null,
      description,
    })),
  })
  refundVendorShareWorkflow.runAsStep({
    input: transform({ lines, input, description }, ({ lines, input, description }) => ({
      order_id: lines.order_id,
      vendor_order_id: lines.id,
      amount: lines.refundable,
      actor_id: input.actor.id ?? null,
      note: description,
    })),
  })
  emitEventStep({
    eventName: "vendor_order.canceled",
    data: transform({ vo, input }, ({ vo, input }) => ({ id: vo.id, vendor_id: vo.vendor_id, reason: input.reason ?? null, actor: input.actor })),
  })
  return new WorkflowResponse(vo)
})
