import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { addCartLinesWorkflow } from "../../../../../../../workflows/cart/workflows/add-cart-lines"
import { loadOpenCart, storeCart } from "../../../../../carts/helpers"
import { loadOwnWishlist } from "../../helpers"
import type { StoreWishlistAddToCartType } from "../../validators"
import { assertCustomerMay, customerParam } from "../../../../../scope"

/**
 * POST /store/customers/me/wishlists/:id/add-to-cart {cart_id}: one unit of
 * every item that can be bought now goes into the cart, in one run of the
 * bulk add-lines workflow (one pricing pass, one stock check against the
 * cart's sales channel and what the cart already holds). The others come
 * back in `unavailable` with a reason: not_sold, vendor_suspended or
 * out_of_stock. Another customer's list or cart is 404, a completed cart
 * 400; nothing is written then.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreWishlistAddToCartType>, res: MedusaResponse) {
  const { items } = await loadOwnWishlist(req, customerParam(req, "id"))
  // The cart id comes in the body, so the scope's cart rule is applied here, before anything is written.
  await assertCustomerMay(req, "cart", req.validatedBody.cart_id)
  const cart = await loadOpenCart(req, req.validatedBody.cart_id)
  const { result } = await addCartLinesWorkflow(req.scope).run({
    input: { cart_id: cart.id, lines: items.map((i) => ({ variant_id: i.variant_id, quantity: 1 })) },
  })
  const unavailable = result.errors.map((e) => ({
    variant_id: e.variant_id as string,
    // A variant deleted since it was listed is simply no longer sold.
    reason: e.code === "unknown_variant" ? "not_sold" : e.code,
    message: e.message,
  }))
  res.json({ cart: await storeCart(req.scope, cart.id), unavailable })
}
