import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createWishlistWorkflow } from "../../../../../workflows/wishlist/workflows/create-wishlist"
import { listOwnWishlists, readOwnWishlist } from "./helpers"
import type { StoreCreateWishlistType } from "./validators"
import { customerId } from "../../../scope"

/** GET /store/customers/me/wishlists: the caller's lists (at most 50, so no paging), newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ wishlists: await listOwnWishlists(req) })
}

/** POST: a new list for the caller. A 51st list or a name already used is 400 with nothing written. */
export async function POST(req: AuthenticatedMedusaRequest<StoreCreateWishlistType>, res: MedusaResponse) {
  const { result } = await createWishlistWorkflow(req.scope).run({
    input: { customer_id: customerId(req), name: req.validatedBody.name },
  })
  res.json({ wishlist: await readOwnWishlist(req, result.id) })
}
