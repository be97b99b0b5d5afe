import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { buildPerformance, PERFORMANCE_COLUMNS, streamCsv } from "../../helpers"
import type { AnalyticsPerformanceParamsType } from "../../validators"

/**
 * GET /admin/analytics/vendors/performance: per vendor, over the vendor
 * orders placed in the range: acceptance, cancellation, return and
 * late-shipment rates (MARKETPLACE_SHIP_SLA_HOURS) and the median hours to ship.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AnalyticsPerformanceParamsType>, res: MedusaResponse) {
  const result = await buildPerformance(req.scope, req.validatedQuery)
  if (req.validatedQuery.format === "csv") return streamCsv(res, "vendor-performance.csv", PERFORMANCE_COLUMNS, result.vendors)
  res.json(result)
}
