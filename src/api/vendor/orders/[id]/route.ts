import type { MedusaResponse } from "@medusajs/framework/http"
import type { VendorRequest } from "../../context"
import { retrieveVendorOrderDetail } from "../../../utils/vendor-orders"

/** GET /vendor/orders/:id: one of the caller's vendor orders, with customer, address and fulfillments. */
export async function GET(req: VendorRequest, res: MedusaResponse) {
  const vendor_order = await retrieveVendorOrderDetail(req.scope, req.params.id, {
    vendor_id: req.vendor_context.vendor.id,
  })
  res.json({ vendor_order })
}
