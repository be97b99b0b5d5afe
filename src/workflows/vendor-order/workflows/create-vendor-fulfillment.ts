import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, createOrderFulfillmentWorkflow, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { advanceVendorOrderStatusStep } from "../steps/advance-vendor-order-status"
import { resolveVendorFulfillmentItemsStep } from "../steps/resolve-vendor-fulfillment-items"
import type { VendorOrderActor } from "../types"
import { loadVendorOrderRefStep } from "../steps/load-vendor-order-ref"
import { orderPaymentLockKey, PAYMENT_LOCK } from "../utils/compose-refund"

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
export const createVendorFulfillmentWorkflow = createWorkflow("create-vendor-fulfillment", (input: CreateVendorFulfillmentInput) => {
  // Under the order's lock (the one the refund flows hold): Medusa's own
  // order lock is skipped when its workflow runs as a step, and two
  // concurrent deliveries of one fulfillment were seen to leave Medusa's
  // delivered quantity at 0.
  const ref = loadVendorOrderRefStep({ vendor_order_id: input.vendor_order_id })
  const lockKey = transform({ ref }, ({ ref }) => orderPaymentLockKey(ref.order_id))
  acquireLockStep({ key: lockKey, ...PAYMENT_LOCK })
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
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse({ fulfillment, status })
})
