import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, markOrderFulfillmentAsDeliveredWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { advanceVendorOrderStatusStep } from "../steps/advance-vendor-order-status"
import { releaseVendorOrderFundsStep } from "../steps/release-vendor-order-funds"
import { resolveVendorFulfillmentStep } from "../steps/resolve-vendor-fulfillment"
import type { VendorOrderActor } from "../types"
import { loadVendorOrderRefStep } from "../steps/load-vendor-order-ref"
import { orderPaymentLockKey, PAYMENT_LOCK } from "../utils/compose-refund"

/**
 * Marks one of the vendor's shipped fulfillments delivered, through Medusa's
 * markOrderFulfillmentAsDeliveredWorkflow. When everything is delivered, the
 * vendor order becomes `delivered`, and its ledger rows become available
 * after the payout hold (MARKETPLACE_PAYOUT_HOLD_DAYS).
 * Emits vendor_order.fulfillment_delivered.
 */
export const markVendorFulfillmentDeliveredWorkflow = createWorkflow(
  "mark-vendor-fulfillment-delivered",
  (input: { vendor_order_id: string; fulfillment_id: string; actor: VendorOrderActor }) => {
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
        for: "deliver" as const,
      }))
    )
    markOrderFulfillmentAsDeliveredWorkflow.runAsStep({
      input: transform({ f }, ({ f }) => ({ orderId: f.order_id, fulfillmentId: f.fulfillment_id })),
    })
    const status = advanceVendorOrderStatusStep({ vendor_order_id: input.vendor_order_id, actor: input.actor })
    releaseVendorOrderFundsStep({ vendor_order_id: input.vendor_order_id })
    emitEventStep({
      eventName: "vendor_order.fulfillment_delivered",
      data: transform({ input }, ({ input }) => ({ id: input.vendor_order_id, fulfillment_id: input.fulfillment_id })),
    })
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse({ status })
  }
)
