import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { computeVendorSplitStep } from "../steps/compute-vendor-split"
import { createVendorOrdersStep } from "../steps/create-vendor-orders"
import { linkVendorCustomersStep } from "../steps/link-vendor-customers"

export const splitOrderByVendorWorkflowId = "split-order-by-vendor"

/**
 * Creates one VendorOrder per vendor in a master order, with the vendor's
 * items, shipping methods and totals, and links the customer to those
 * vendors. Idempotent: the checkout route and the order.placed subscriber
 * may both run it; a lock per order serialises them and the unique
 * (order_id, vendor_id) index backs the lock up. Emits vendor_order.created
 * once per vendor order actually created.
 */
export const splitOrderByVendorWorkflow = createWorkflow(
  splitOrderByVendorWorkflowId,
  (input: { order_id: string }) => {
    const lockKey = transform({ input }, ({ input }) => `vendor-split:${input.order_id}`)
    // executeOnSubWorkflow: the lock must hold inside the checkout workflow too,
    // or a racing order.placed split could slip past it.
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60, executeOnSubWorkflow: true })
    const splits = computeVendorSplitStep(input)
    const created = createVendorOrdersStep(transform({ input, splits }, ({ input, splits }) => ({ order_id: input.order_id, splits })))
    linkVendorCustomersStep(
      transform({ splits }, ({ splits }) =>
        splits.filter((s) => s.customer_id).map((s) => ({ vendor_id: s.vendor_id, customer_id: s.customer_id! }))
      )
    )
    releaseLockStep({ key: lockKey, executeOnSubWorkflow: true })
    emitEventStep({
      eventName: "vendor_order.created",
      data: transform({ created, input }, ({ created, input }) => created.map((id) => ({ id, order_id: input.order_id }))),
    })
    return new WorkflowResponse({ vendor_order_ids: created })
  }
)
