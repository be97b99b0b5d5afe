import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { buildSeries, SERIES_COLUMNS, streamCsv } from "../helpers"
import type { AnalyticsSalesParamsType } from "../validators"

/** GET /admin/analytics/sales?interval=day|week|month&tz=: one row per period, empty ones included; format=csv streams it. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AnalyticsSalesParamsType>, res: MedusaResponse) {
  const result = await buildSeries(req.scope, req.validatedQuery)
  if (req.validatedQuery.format === "csv") return streamCsv(res, `sales-${result.interval}.csv`, SERIES_COLUMNS, result.series)
  res.json(result)
}
