import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { buildPerformance, streamCsv } from "../../../../utils/analytics"

const COLUMNS = [
  "vendor_id",
  "name",
  "vendor_order_count",
  "acceptance_rate",
  "median_hours_to_ship",
  "cancellation_rate",
  "return_rate",
  "late_shipment_rate",
]

/**
 * GET /admin/analytics/vendors/performance: per vendor, over the vendor
 * orders placed in the range: acceptance, cancellation, return and
 * late-shipment rates (MARKETPLACE_SHIP_SLA_HOURS) and the median hours to ship.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const result = await buildPerformance(req.scope, req.validatedQuery)
  if ((req.validatedQuery as any).format === "csv") return streamCsv(res, "vendor-performance.csv", COLUMNS, result.vendors)
  res.json(result)
}
