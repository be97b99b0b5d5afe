import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, completeCartWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { splitOrderByVendorWorkflow } from "./split-order-by-vendor"

export const completeMarketplaceCartWorkflowId = "complete-marketplace-cart"

/**
 * Medusa's completeCartWorkflow, then the vendor split, in one workflow, so
 * the vendor orders exist when POST /store/carts/:id/complete answers.
 * completeCartWorkflow skips its own cart lock when it runs as a step, so
 * this workflow takes the same lock (as Medusa's docs show for wrappers):
 * concurrent completes of one cart run one after the other, and the later
 * ones find the order and re-run the (idempotent) split. If the split fails,
 * the completion is compensated too: no order without its vendor orders.
 */
export const completeMarketplaceCartWorkflow = createWorkflow(
  { name: completeMarketplaceCartWorkflowId, store: true, idempotent: false, retentionTime: 60 * 60 * 24 * 3 },
  (input: { id: string }) => {
    acquireLockStep({ key: input.id, timeout: 30, ttl: 120 })
    const order = completeCartWorkflow.runAsStep({ input: { id: input.id } })
    splitOrderByVendorWorkflow.runAsStep({ input: transform({ order }, ({ order }) => ({ order_id: order.id })) })
    releaseLockStep({ key: input.id })
    return new WorkflowResponse(order)
  }
)
