import type { MedusaResponse } from "@medusajs/framework/http"
import type { VendorRequest } from "../context"
import { listVendorOrdersPage } from "./helpers"
import { vendorFilters } from "../scope"

/**
 * GET /vendor/orders: the caller's vendor orders. Filters: status,
 * created_at[gte|lte|…], q (display id or customer e-mail); order
 * (default -created_at); offset/limit.
 */
export async function GET(req: VendorRequest, res: MedusaResponse) {
  res.json(await listVendorOrdersPage(req, vendorFilters(req, "vendor_order")))
}
