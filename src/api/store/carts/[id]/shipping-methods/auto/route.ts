import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { BigNumberInput, ShippingOptionDTO } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { addShippingMethodToCartWorkflow } from "@medusajs/medusa/core-flows"
import { loadOpenCart, storeCart } from "../../../helpers"
import { cartVendorGroups } from "../../../vendor-groups"
import { customerParam } from "../../../../scope"

type Priced = ShippingOptionDTO & { calculated_price?: { calculated_amount?: BigNumberInput } }

/**
 * POST /store/carts/:id/shipping-methods/auto: the cheapest shipping option
 * of every vendor group (the groups of GET /store/carts/:id/vendor-groups),
 * set with ONE run of Medusa's addShippingMethodToCartWorkflow (which
 * replaces a method already chosen for the same shipping profile). A group
 * without any option is 400 naming the vendor, and nothing is set.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const cart = await loadOpenCart(req, customerParam(req, "id"))
  const groups = await cartVendorGroups(req.scope, cart.id)
  if (!groups.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, "The cart has no items to ship")
  const without = groups.filter((g) => !g.shipping_options.length).map((g) => g.vendor.name)
  if (without.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `No shipping option to this address for: ${without.join(", ")}`)
  }
  // Medusa's list carries each option's price for this cart (calculated_price), not in its DTO type.
  const price = (o: ShippingOptionDTO) => MathBN.convert((o as Priced).calculated_price?.calculated_amount ?? 0)
  const picks = groups.map((g) => g.shipping_options.reduce((best, o) => (MathBN.lt(price(o), price(best)) ? o : best)))
  await addShippingMethodToCartWorkflow(req.scope).run({ input: { cart_id: cart.id, options: picks.map((o) => ({ id: o.id })) } })
  res.status(200).json({ cart: await storeCart(req.scope, cart.id) })
}
