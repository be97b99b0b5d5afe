import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrieveVendorOrderDetail } from "../../../vendor/orders/helpers"

/** GET /admin/vendor-orders/:id: one vendor order with customer, address, fulfillments and history. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ vendor_order: await retrieveVendorOrderDetail(req.scope, req.params.id) })
}
