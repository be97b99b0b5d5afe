import { createWorkflow, transform, when, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { findOrderVendorOrdersStep } from "../steps/find-order-vendor-orders"
import { linkVendorCustomersStep } from "../steps/link-vendor-customers"
import { composeVendorSplit } from "../utils/compose-split"

export const splitOrderByVendorWorkflowId = "split-order-by-vendor"

/**
 * Creates one VendorOrder per vendor in a master order (with its commission
 * lines and ledger rows) and links the customer to those vendors.
 * Idempotent: the checkout route and the order.placed subscriber may both
 * run it; a lock per order serialises them and the unique
 * (order_id, vendor_id) index backs the lock up. Emits vendor_order.created
 * once per vendor order actually created.
 *
 * An order that already has its vendor orders (every storefront checkout:
 * the split ran in the complete request, and writes all of an order's vendor
 * orders in one transaction) is not split again: only its customer links
 * are made, from the vendor orders. This saves the worker re-reading the
 * order and the commission rules on every order.placed.
 */
export const splitOrderByVendorWorkflow = createWorkflow(splitOrderByVendorWorkflowId, (input: WorkflowData<{ order_id: string }>) => {
  const existing = findOrderVendorOrdersStep(input)
  const split = when("order-not-split-yet", { existing }, ({ existing }) => !existing.length).then(() => composeVendorSplit(input))
  const created = transform({ split }, ({ split }) => split?.created ?? [])
  const splits = transform({ split, existing }, ({ split, existing }) => split?.splits ?? existing)
  // The buyer ↔ vendor links are a convenience for the vendors' customer
  // lists, not money: a failure is retried twice and then recorded on the
  // run (the subscriber logs it) without undoing the split.
  linkVendorCustomersStep(
    transform({ splits }, ({ splits }) =>
      splits.filter((s) => s.customer_id).map((s) => ({ vendor_id: s.vendor_id, customer_id: s.customer_id! }))
    )
  ).config({ maxRetries: 2, continueOnPermanentFailure: true })
  emitEventStep({
    eventName: "vendor_order.created",
    data: transform({ created, input }, ({ created, input }) => created.map((c) => ({ id: c.id, order_id: input.order_id }))),
  })
  return new WorkflowResponse({ vendor_order_ids: transform({ created }, ({ created }) => created.map((c) => c.id)) })
})
