import { createWorkflow, transform, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
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
 */
export const splitOrderByVendorWorkflow = createWorkflow(splitOrderByVendorWorkflowId, (input: WorkflowData<{ order_id: string }>) => {
  const { created, splits } = composeVendorSplit(input)
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
