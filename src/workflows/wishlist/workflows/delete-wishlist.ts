import { createWorkflow, transform, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { loadOwnWishlistStep, type LoadOwnWishlistInput } from "../steps/load-own-wishlist"
import { deleteWishlistStep } from "../steps/delete-wishlist"

export const deleteWishlistWorkflowId = "delete-wishlist"

/** Deletes one of the caller's lists with its items; another customer's list is 404. */
export const deleteWishlistWorkflow = createWorkflow(deleteWishlistWorkflowId, (input: WorkflowData<LoadOwnWishlistInput>) => {
  const wishlist = loadOwnWishlistStep(input)
  deleteWishlistStep(transform({ wishlist }, ({ wishlist }) => wishlist.id))
  return new WorkflowResponse(transform({ wishlist }, ({ wishlist }) => wishlist.id))
})
