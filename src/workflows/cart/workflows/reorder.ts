import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCartWorkflow } from "@medusajs/medusa/core-flows"
import { loadReorderSourceStep } from "../steps/load-reorder-source"
import type { CartLineError } from "../types"

export const reorderWorkflowId = "reorder"

export type ReorderUnavailable = {
  variant_id: string | null
  reason: string
  message: string
  requested?: number
  available?: number
}

/**
 * Buys a past order again, first half: a new cart for the same customer,
 * region, sales channel, e-mail and addresses, and the order's lines (a
 * deleted variant is reported as not_sold). The route then fills the cart
 * with addCartLinesWorkflow (one pricing pass, one stock check) as a run of
 * its own: nested inside this workflow, Medusa's inventory confirmation
 * refused lines that the top-level run accepts (open point). What cannot be
 * bought is reported: not_sold, vendor_suspended, out_of_stock; a line with
 * less stock than ordered goes in with what is there (quantity_reduced).
 */
export const reorderWorkflow = createWorkflow(reorderWorkflowId, (input: { order_id: string; customer_id: string }) => {
  const source = loadReorderSourceStep(input)
  const cartInput = transform({ source }, ({ source }) => source.cart)
  const cart = createCartWorkflow.runAsStep({ input: cartInput })
  const out = transform({ cart, source }, ({ cart, source }) => ({
    cart_id: cart.id,
    lines: source.lines,
    gone: source.gone.map((g): ReorderUnavailable => ({ variant_id: null, reason: "not_sold", message: `"${g.title}" is no longer sold` })),
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
