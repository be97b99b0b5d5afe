import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCartWorkflow } from "@medusajs/medusa/core-flows"
import { loadReorderSourceStep } from "../steps/load-reorder-source"
import { addCartLinesWorkflow } from "./add-cart-lines"

export const reorderWorkflowId = "reorder"

export type ReorderUnavailable = {
  variant_id: string | null
  reason: string
  message: string
  requested?: number
  available?: number
}

/**
 * Buys a past order again: a new cart for the same customer, region, sales
 * channel, e-mail and addresses, filled by addCartLinesWorkflow (one
 * pricing pass, one stock check). What can no longer be bought is reported
 * instead of added: not_sold, vendor_suspended, out_of_stock; a line with
 * less stock than ordered goes in with what is there (quantity_reduced).
 */
export const reorderWorkflow = createWorkflow(reorderWorkflowId, (input: { order_id: string; customer_id: string }) => {
  const source = loadReorderSourceStep(input)
  const cartInput = transform({ source }, ({ source }) => source.cart)
  const cart = createCartWorkflow.runAsStep({ input: cartInput })
  const lines = transform({ source }, ({ source }) => source.lines)
  const added = addCartLinesWorkflow.runAsStep({ input: { cart_id: cart.id, lines, reduce_to_available: true } })
  const out = transform({ cart, added, source }, ({ cart, added, source }) => {
    const unavailable: ReorderUnavailable[] = [
      ...source.gone.map((g) => ({ variant_id: null, reason: "not_sold", message: `"${g.title}" is no longer sold` })),
      ...added.errors.map((e) => ({
        variant_id: e.variant_id ?? null,
        reason: e.code === "unknown_variant" ? "not_sold" : e.code,
        message: e.message,
        ...(e.requested !== undefined ? { requested: e.requested } : {}),
        ...(e.available !== undefined ? { available: e.available } : {}),
      })),
    ]
    return { cart_id: cart.id, unavailable }
  })
  return new WorkflowResponse(out)
})
