import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCartWorkflow } from "@medusajs/medusa/core-flows"
import { loadReorderSourceStep } from "../steps/load-reorder-source"
import type { CartLineError } from "../types"
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
 * channel, e-mail and addresses, filled with the order's lines through
 * addCartLinesWorkflow (one pricing pass, one stock check). What cannot be
 * bought is reported: not_sold (also a deleted variant), vendor_suspended,
 * out_of_stock; a line with less stock than ordered goes in with what is
 * there (quantity_reduced). One run: if filling fails, the new cart is
 * deleted again by createCartWorkflow's compensation.
 */
export const reorderWorkflow = createWorkflow(reorderWorkflowId, (input: { order_id: string; customer_id: string }) => {
  const source = loadReorderSourceStep(input)
  const cartInput = transform({ source }, ({ source }) => source.cart)
  const cart = createCartWorkflow.runAsStep({ input: cartInput })
  const fill = transform({ cart, source }, ({ cart, source }) => ({ cart_id: cart.id, lines: source.lines, reduce_to_available: true }))
  const added = addCartLinesWorkflow.runAsStep({ input: fill })
  const out = transform({ cart, source, added }, ({ cart, source, added }) => ({
    cart_id: cart.id,
    unavailable: [
      ...source.gone.map((g): ReorderUnavailable => ({ variant_id: null, reason: "not_sold", message: `"${g.title}" is no longer sold` })),
      ...reorderUnavailable(added.errors),
    ],
  }))
  return new WorkflowResponse(out)
})

/** The errors of addCartLinesWorkflow as reorder reports them. */
export function reorderUnavailable(errors: CartLineError[]): ReorderUnavailable[] {
  return errors.map((e) => ({
    variant_id: e.variant_id ?? null,
    reason: e.code === "unknown_variant" ? "not_sold" : e.code,
    message: e.message,
    ...(e.requested !== undefined ? { requested: e.requested } : {}),
    ...(e.available !== undefined ? { available: e.available } : {}),
  }))
}
