import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { addWishlistItemWorkflow } from "../../../../../../../workflows/wishlist/workflows/add-wishlist-item"
import { readOwnWishlist } from "../../helpers"
import type { StoreAddWishlistItemType } from "../../validators"
import { customerId, customerParam } from "../../../../../scope"

/**
 * POST /store/customers/me/wishlists/:id/items: puts a variant on the list.
 * The same variant again is the same item. A variant that does not exist or
 * is not sold in this store (the publishable key's sales channel, an active
 * vendor) is 400 with nothing written.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreAddWishlistItemType>, res: MedusaResponse) {
  const id = customerParam(req, "id")
  await addWishlistItemWorkflow(req.scope).run({
    input: {
      wishlist_id: id,
      customer_id: customerId(req),
      variant_id: req.validatedBody.variant_id,
      sales_channel_ids: req.publishable_key_context?.sales_channel_ids ?? [],
    },
  })
  res.json({ wishlist: await readOwnWishlist(req, id) })
}
