import { createWorkflow, transform, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { loadOwnWishlistStep } from "../steps/load-own-wishlist"
import { validateWishlistVariantStep } from "../steps/validate-wishlist-variant"
import { addWishlistItemStep } from "../steps/add-wishlist-item"

export const addWishlistItemWorkflowId = "add-wishlist-item"

export type AddWishlistItemWorkflowInput = {
  wishlist_id: string
  customer_id: string
  variant_id: string
  /** The publishable key's sales channels: the variant must be sold in one of them. */
  sales_channel_ids: string[]
}

/** Puts a variant on one of the caller's lists (idempotent). Checks run before the one write. */
export const addWishlistItemWorkflow = createWorkflow(addWishlistItemWorkflowId, (input: WorkflowData<AddWishlistItemWorkflowInput>) => {
  const wishlist = loadOwnWishlistStep({ wishlist_id: input.wishlist_id, customer_id: input.customer_id })
  validateWishlistVariantStep({ variant_id: input.variant_id, sales_channel_ids: input.sales_channel_ids })
  const item = addWishlistItemStep(
    transform({ wishlist, input }, ({ wishlist, input }) => ({
      wishlist_id: wishlist.id,
      variant_id: input.variant_id,
      items: wishlist.items,
    }))
  )
  return new WorkflowResponse(item)
})
