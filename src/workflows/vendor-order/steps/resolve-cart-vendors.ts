import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { lookupVendors } from "../utils/vendor-lookups"

/**
 * The vendors of a cart's products and shipping options, looked up while
 * Medusa completes the cart (the order is made from exactly these lines),
 * so the split after completion only has to read the order's totals.
 */
export const resolveCartVendorsStep = createStep("resolve-cart-vendors", async (input: { cart_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["items.product_id", "shipping_methods.shipping_option_id"],
    filters: { id: input.cart_id },
  })
  const cart = data[0]
  const productIds = [...new Set<string>((cart?.items ?? []).flatMap((i) => (i?.product_id ? [i.product_id] : [])))]
  const optionIds = [
    ...new Set<string>((cart?.shipping_methods ?? []).flatMap((m) => (m?.shipping_option_id ? [m.shipping_option_id] : []))),
  ]
  return new StepResponse(await lookupVendors(container, productIds, optionIds))
})
