import { createWorkflow, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { createWishlistStep, type CreateWishlistStepInput } from "../steps/create-wishlist"

export const createWishlistWorkflowId = "create-wishlist"

/** A new named list for the customer of the auth context (limits in the step). */
export const createWishlistWorkflow = createWorkflow(createWishlistWorkflowId, (input: WorkflowData<CreateWishlistStepInput>) => {
  return new WorkflowResponse(createWishlistStep(input))
})
