import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ICartModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { lookupVendors } from "../utils/vendor-lookups"

/**
 * The vendors of a cart's products and shipping options, looked up while
 * Medusa completes the cart (the order is made from exactly these lines),
 * so the split after completion only has to read the order's totals.
 * Reads the cart module directly: this shares the CPU with Medusa's
 * completion on every checkout, and a query.graph of the cart costs more.
 */
export const resolveCartVendorsStep = createStep("resolve-cart-vendors", async (input: { cart_id: string }, { container }) => {
  const carts: ICartModuleService = container.resolve(Modules.CART)
  const [items, methods] = await Promise.all([
    carts.listLineItems({ cart_id: input.cart_id }, { select: ["id", "product_id"] }),
    carts.listShippingMethods({ cart_id: input.cart_id }, { select: ["id", "shipping_option_id"] }),
  ])
  const productIds = [...new Set<string>(items.flatMap((i) => (i.product_id ? [i.product_id] : [])))]
  const optionIds = [...new Set<string>(methods.flatMap((m) => (m.shipping_option_id ? [m.shipping_option_id] : [])))]
  return new StepResponse(await lookupVendors(container, productIds, optionIds))
})
