import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { computeUnattributedRefundsStep } from "../steps/compute-unattributed-refunds"
import { attributeOrderRefundsStep } from "../steps/attribute-order-refunds"

/**
 * After any refund of an order's payment: refunds no vendor order accounts
 * for are spread over its vendor orders and their ledgers. It takes the
 * order's payment lock, which Lilium's own refund flows hold while they
 * refund and record, so their refunds are never counted twice.
 */
export const reconcileOrderRefundsWorkflow = createWorkflow("reconcile-order-refunds", (input: { order_id: string }) => {
  const key = transform({ input }, ({ input }) => `order-payment:${input.order_id}`)
  acquireLockStep({ key, timeout: 30, ttl: 60 })
  const allocations = computeUnattributedRefundsStep({ order_id: input.order_id })
  attributeOrderRefundsStep({ allocations })
  emitEventStep({
    eventName: "vendor_order.refunded",
    data: transform({ allocations }, ({ allocations }) => allocations.map((a) => ({ id: a.vendor_order_id, amount: a.amount }))),
  })
  releaseLockStep({ key })
  return new WorkflowResponse(allocations)
})
