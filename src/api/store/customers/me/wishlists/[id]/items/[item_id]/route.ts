import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { removeWishlistItemWorkflow } from "../../../../../../../../workflows/wishlist/workflows/remove-wishlist-item"
import { readOwnWishlist } from "../../../helpers"
import { customerId, customerParam } from "../../../../../../scope"

/** DELETE /store/customers/me/wishlists/:id/items/:item_id: answers the list without the item. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const id = customerParam(req, "id")
  await removeWishlistItemWorkflow(req.scope).run({
    input: { wishlist_id: id, customer_id: customerId(req), item_id: customerParam(req, "item_id") },
  })
  res.json({ wishlist: await readOwnWishlist(req, id) })
}
