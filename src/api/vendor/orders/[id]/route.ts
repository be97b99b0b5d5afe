import type { MedusaResponse } from "@medusajs/framework/http"
import type { VendorRequest } from "../../context"
import { retrieveVendorOrderDetail } from "../helpers"
import { scopedParam, vendorFilters } from "../../scope"

/** GET /vendor/orders/:id: one of the caller's vendor orders, with customer, address and fulfillments. */
export async function GET(req: VendorRequest, res: MedusaResponse) {
  const vendor_order = await retrieveVendorOrderDetail(req.scope, scopedParam(req, "id"), vendorFilters(req, "vendor_order"))
  res.json({ vendor_order })
}
