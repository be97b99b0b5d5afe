import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, createOrderShipmentWorkflow, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { advanceVendorOrderStatusStep } from "../steps/advance-vendor-order-status"
import { resolveVendorFulfillmentStep } from "../steps/resolve-vendor-fulfillment"
import type { VendorOrderActor } from "../types"
import { loadVendorOrderRefStep } from "../steps/load-vendor-order-ref"
import { orderPaymentLockKey, PAYMENT_LOCK } from "../utils/compose-refund"

export type CreateVendorShipmentInput = {
  vendor_order_id: string
  fulfillment_id: string
  labels?: { tracking_number: string; tracking_url?: string; label_url?: string }[]
  actor: VendorOrderActor
}

/**
 * Marks one of the vendor's fulfillments shipped, with its tracking labels,
 * through Medusa's createOrderShipmentWorkflow. When everything is
 * fulfilled and shipped, the vendor order becomes `shipped`. Emits
 * vendor_order.shipment_created (the customer is emailed).
 */
export const createVendorShipmentWorkflow = createWorkflow("create-vendor-shipment", (input: CreateVendorShipmentInput) => {
  // Under the order's lock (the one the refund flows hold): Medusa's own
  // order lock is skipped when its workflow runs as a step, and two
  // concurrent deliveries of one fulfillment were seen to leave Medusa's
  // delivered quantity at 0.
  const ref = loadVendorOrderRefStep({ vendor_order_id: input.vendor_order_id })
  const lockKey = transform({ ref }, ({ ref }) => orderPaymentLockKey(ref.order_id))
  acquireLockStep({ key: lockKey, ...PAYMENT_LOCK })
  const f = resolveVendorFulfillmentStep(
    transform({ input }, ({ input }) => ({
      vendor_order_id: input.vendor_order_id,
      fulfillment_id: input.fulfillment_id,
      for: "ship" as const,
    }))
  )
  createOrderShipmentWorkflow.runAsStep({
    input: transform({ f, input }, ({ f, input }) => ({
      order_id: f.order_id,
      fulfillment_id: f.fulfillment_id,
      items: f.items,
      created_by: input.actor.id ?? undefined,
      labels: (input.labels ?? []).map((l) => ({
        tracking_number: l.tracking_number,
        tracking_url: l.tracking_url ?? "",
        label_url: l.label_url ?? "",
      })),
    })),
  })
  const status = advanceVendorOrderStatusStep({ vendor_order_id: input.vendor_order_id, actor: input.actor })
  emitEventStep({
    eventName: "vendor_order.shipment_created",
    data: transform({ input }, ({ input }) => ({ id: input.vendor_order_id, fulfillment_id: input.fulfillment_id })),
  })
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse({ status })
})
