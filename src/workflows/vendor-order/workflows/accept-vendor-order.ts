import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { transitionVendorOrderStep } from "../steps/transition-vendor-order"
import type { VendorOrderActor } from "../types"

/** pending → accepted (409 otherwise); emits vendor_order.accepted. */
export const acceptVendorOrderWorkflow = createWorkflow(
  "accept-vendor-order",
  (input: { vendor_order_id: string; actor: VendorOrderActor }) => {
    const vo = transitionVendorOrderStep(transform({ input }, ({ input }) => ({ ...input, action: "accept" as const })))
    emitEventStep({
      eventName: "vendor_order.accepted",
      data: transform({ vo, input }, ({ vo, input }) => ({ id: vo.id, vendor_id: vo.vendor_id, actor: input.actor })),
    })
    return new WorkflowResponse(vo)
  }
)
