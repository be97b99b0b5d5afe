import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reorderWorkflow } from "../../../../../workflows/cart/workflows/reorder"
import { storeCart } from "../../../carts/helpers"
import { customerId, customerParam } from "../../../scope"

/**
 * POST /store/orders/:id/reorder (customer token): a new cart with the
 * order's items that can still be bought, and what cannot and why.
 * Another customer's order is 404.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await reorderWorkflow(req.scope).run({
    input: { order_id: customerParam(req, "id"), customer_id: customerId(req) },
  })
  res.status(200).json({
    cart: await storeCart(req.scope, result.cart_id),
    unavailable: result.unavailable,
  })
}
