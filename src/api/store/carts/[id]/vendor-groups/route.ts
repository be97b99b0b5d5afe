import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cartVendorGroups } from "../../vendor-groups"

/**
 * GET /store/carts/:id/vendor-groups: the cart grouped by vendor, each with
 * the shipping options a storefront can offer for it (Medusa's own list for
 * the cart, the same as GET /store/shipping-options?cart_id=) and the
 * shipping method chosen so far. Read-only: checkout itself stays Medusa's.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.json({ vendor_groups: await cartVendorGroups(req.scope, req.params.id) })
}
