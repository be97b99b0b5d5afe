import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listVendorOrdersPage } from "../../vendor/orders/helpers"

/** GET /admin/vendor-orders: every vendor order; the vendor list filters plus vendor_id and order_id. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json(await listVendorOrdersPage(req))
}
