import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { addToCartWorkflow } from "@medusajs/medusa/core-flows"
import { resolveCartLinesStep } from "../steps/resolve-cart-lines"
import type { AddCartLinesInput, AddCartLinesOutput } from "../types"

export const addCartLinesWorkflowId = "add-cart-lines"

/**
 * Quick order, reorder and wishlist add-to-cart: checks a batch of lines
 * (by variant id or SKU) and adds every valid one with ONE run of Medusa's
 * addToCartWorkflow, so the whole batch costs one pricing pass, one
 * inventory confirmation, one line-item insert and one cart refresh
 * (taxes, promotions) instead of one of each per line. Invalid lines come
 * back as errors; the workflow itself fails only if the cart is missing or
 * completed, or Medusa's own checks fail (then nothing is added).
 */
export const addCartLinesWorkflow = createWorkflow(addCartLinesWorkflowId, (input: AddCartLinesInput) => {
  const resolved = resolveCartLinesStep(input)
  when("add-cart-lines-any-valid", { resolved }, ({ resolved }) => resolved.added.length > 0).then(() => {
    const items = transform({ resolved }, ({ resolved }) => resolved.added.map((a) => ({ variant_id: a.variant_id, quantity: a.quantity })))
    addToCartWorkflow.runAsStep({ input: { cart_id: input.cart_id, items } })
  })
  const out = transform({ resolved }, ({ resolved }): AddCartLinesOutput => resolved)
  return new WorkflowResponse(out)
})
