import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createOrderFulfillmentWorkflow, emitEventStep } from "@medusajs/medusa/core-flows"
import { advanceVendorOrderStatusStep } from "../steps/advance-vendor-order-status"
import { resolveVendorFulfillmentItemsStep } from "../steps/resolve-vendor-fulfillment-items"
import type { VendorOrderActor } from "../types"

export type CreateVendorFulfillmentInput = {
  vendor_order_id: string
  items?: { id: string; quantity: number }[]
  actor: VendorOrderActor
}

/**
 * Fulfills some or all of a vendor order's items at the vendor's own stock
 * location, through Medusa's createOrderFulfillmentWorkflow (which also
 * moves the reserved stock). When every item is fulfilled, the vendor order
 * becomes `fulfilled`. Emits vendor_order.fulfillment_created.
 */
export const createVendorFulfillmentWorkflow = createWorkflow(
  "create-vendor-fulfillment",
  (input: CreateVendorFulfillmentInput) => {
    const plan = resolveVendorFulfillmentItemsStep(input)
    const fulfillment = createOrderFulfillmentWorkflow.runAsStep({
      input: transform({ plan, input }, ({ plan, input }) => ({
        order_id: plan.order_id,
        location_id: plan.location_id,
        shipping_option_id: plan.shipping_option_id,
        items: plan.items,
        created_by: input.actor.id ?? undefined,
      })),
    })
    const status = advanceVendorOrderStatusStep({ vendor_order_id: input.vendor_order_id, actor: input.actor })
    emitEventStep({
      eventName: "vendor_order.fulfillment_created",
      data: transform({ input, fulfillment }, ({ input, fulfillment }) => ({ id: input.vendor_order_id, fulfillment_id: fulfillment.id })),
    })
    return new WorkflowResponse({ fulfillment, status })
  }
)
