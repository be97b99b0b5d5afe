import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ChangeActionType } from "@medusajs/framework/utils"
import {
  beginOrderEditOrderWorkflow,
  confirmOrderEditRequestWorkflow,
  createOrderChangeActionsWorkflow,
  orderEditUpdateItemQuantityWorkflow,
  requestOrderEditRequestWorkflow,
} from "@medusajs/medusa/core-flows"

export type RemoveVendorLinesInput = {
  order_id: string
  line_item_ids: string[]
  shipping_method_ids: string[]
  actor_id?: string | null
  description: string
}

/**
 * Takes one vendor's items (quantity → 0) and shipping methods out of the
 * master order through a Medusa order edit: begin, change, request,
 * confirm. Medusa then releases the items' reservations and lowers the
 * order's totals, which leaves exactly the vendor's share to refund. Other
 * vendors' lines and adjustments are not touched (the edit does not carry
 * promotions over, so nothing is re-spread).
 */
export const removeVendorLinesFromOrderWorkflow = createWorkflow("remove-vendor-lines-from-order", (input: RemoveVendorLinesInput) => {
  const change = beginOrderEditOrderWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({
      order_id: input.order_id,
      created_by: input.actor_id ?? undefined,
      description: input.description,
      internal_note: input.description,
    })),
  })
  orderEditUpdateItemQuantityWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({
      order_id: input.order_id,
      items: input.line_item_ids.map((id) => ({ id, quantity: 0 })),
    })),
  })
  createOrderChangeActionsWorkflow.runAsStep({
    input: transform({ input, change }, ({ input, change }) =>
      input.shipping_method_ids.map((id) => ({
        action: ChangeActionType.SHIPPING_REMOVE,
        reference: "order_shipping_method",
        reference_id: id,
        order_change_id: change.id,
        order_id: input.order_id,
      }))
    ),
  })
  requestOrderEditRequestWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({ order_id: input.order_id, requested_by: input.actor_id ?? undefined })),
  })
  confirmOrderEditRequestWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({ order_id: input.order_id, confirmed_by: input.actor_id ?? undefined })),
  })
  return new WorkflowResponse(change)
})
