import { createWorkflow, transform, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { loadOwnWishlistStep } from "../steps/load-own-wishlist"
import { removeWishlistItemStep } from "../steps/remove-wishlist-item"

export const removeWishlistItemWorkflowId = "remove-wishlist-item"

export type RemoveWishlistItemWorkflowInput = { wishlist_id: string; customer_id: string; item_id: string }

/** Takes an item off one of the caller's lists; another customer's list or another list's item is 404. */
export const removeWishlistItemWorkflow = createWorkflow(
  removeWishlistItemWorkflowId,
  (input: WorkflowData<RemoveWishlistItemWorkflowInput>) => {
    const wishlist = loadOwnWishlistStep({ wishlist_id: input.wishlist_id, customer_id: input.customer_id })
    const removed = removeWishlistItemStep(
      transform({ wishlist, input }, ({ wishlist, input }) => ({ item_id: input.item_id, items: wishlist.items }))
    )
    return new WorkflowResponse(removed)
  }
)
