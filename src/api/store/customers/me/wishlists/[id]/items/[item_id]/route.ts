import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { removeWishlistItemWorkflow } from "../../../../../../../../workflows/wishlist/workflows/remove-wishlist-item"
import { readOwnWishlist } from "../../../helpers"

/** DELETE /store/customers/me/wishlists/:id/items/:item_id: answers the list without the item. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await removeWishlistItemWorkflow(req.scope).run({
    input: { wishlist_id: req.params.id, customer_id: req.auth_context.actor_id, item_id: req.params.item_id },
  })
  res.json({ wishlist: await readOwnWishlist(req, req.params.id) })
}
