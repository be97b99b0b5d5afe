import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cartVendorGroups } from "../../vendor-groups"
import { customerParam } from "../../../scope"

/**
 * GET /store/carts/:id/vendor-groups: the cart grouped by vendor, each with
 * the shipping options a storefront can offer for it (Medusa's own list for
 * the cart, the same as GET /store/shipping-options?cart_id=) and the
 * shipping method chosen so far. Read-only: checkout itself stays Medusa's.
 * A registered customer's cart is that customer's alone (src/api/store/scope.ts).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.json({ vendor_groups: await cartVendorGroups(req.scope, customerParam(req, "id")) })
}
