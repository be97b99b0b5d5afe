import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteWishlistWorkflow } from "../../../../../../workflows/wishlist/workflows/delete-wishlist"
import { readOwnWishlist } from "../helpers"
import type { StoreWishlistPricingType } from "../validators"
import { customerId, customerParam } from "../../../../scope"

/** GET /store/customers/me/wishlists/:id?region_id=|currency_code=: items with vendor, stock and price. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, StoreWishlistPricingType>, res: MedusaResponse) {
  res.json({ wishlist: await readOwnWishlist(req, customerParam(req, "id")) })
}

/** DELETE: removes the list and its items. Another customer's list is 404. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const id = customerParam(req, "id")
  await deleteWishlistWorkflow(req.scope).run({ input: { wishlist_id: id, customer_id: customerId(req) } })
  res.json({ id, object: "wishlist", deleted: true })
}
