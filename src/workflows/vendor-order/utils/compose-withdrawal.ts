import { transform, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { loadVendorOrderLinesStep } from "../steps/load-vendor-order-lines"
import { transitionVendorOrderStep } from "../steps/transition-vendor-order"
import type { VendorOrderActor } from "../types"
import { refundVendorShareWorkflow } from "../workflows/refund-vendor-share"
import { removeVendorLinesFromOrderWorkflow } from "../workflows/remove-vendor-lines-from-order"

export type WithdrawVendorOrderInput = { vendor_order_id: string; actor: VendorOrderActor; reason?: string | null }

const DONE = { reject: "rejected", cancel: "canceled" } as const

/**
 * Takes a vendor's part out of the master order, for a rejection or a
 * cancellation (composed into either workflow): the status transition (409
 * when illegal; a cancellation also needs nothing fulfilled), a Medusa order
 * edit removing the vendor's items and shipping, the refund of its share,
 * and the event vendor_order.rejected|canceled.
 */
export function composeVendorOrderWithdrawal(input: WorkflowData<WithdrawVendorOrderInput>, action: "reject" | "cancel") {
  const lines = loadVendorOrderLinesStep(
    transform({ input }, ({ input }) => ({ vendor_order_id: input.vendor_order_id, require_unfulfilled: action === "cancel" }))
  )
  const vo = transitionVendorOrderStep(transform({ input }, ({ input }) => ({ ...input, action })))
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
    eventName: `vendor_order.${DONE[action]}`,
    data: transform({ vo, input }, ({ vo, input }) => ({ id: vo.id, vendor_id: vo.vendor_id, reason: input.reason ?? null, actor: input.actor })),
  })
  return vo
}
