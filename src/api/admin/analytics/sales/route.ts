import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { buildSeries, streamCsv } from "../../../utils/analytics"

export const SERIES_COLUMNS = ["period", "gmv", "commission_total", "refunded_total", "order_count", "vendor_order_count"]

/** GET /admin/analytics/sales?interval=day|week|month&tz=: one row per period, empty ones included; format=csv streams it. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const result = await buildSeries(req.scope, req.validatedQuery)
  if ((req.validatedQuery as any).format === "csv") return streamCsv(res, `sales-${result.interval}.csv`, SERIES_COLUMNS, result.series)
  res.json(result)
}
