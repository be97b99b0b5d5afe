import type { MedusaResponse } from "@medusajs/framework/http"
import type { VendorRequest } from "../../context"
import { buildSeries, SERIES_COLUMNS, streamCsv } from "../../../admin/analytics/helpers"
import type { AnalyticsSalesParamsType } from "../../../admin/analytics/validators"

/** GET /vendor/analytics/sales: the caller's series (same shape as the operator's); format=csv streams it. */
export async function GET(req: VendorRequest<unknown, AnalyticsSalesParamsType>, res: MedusaResponse) {
  const result = await buildSeries(req.scope, req.validatedQuery, req.vendor_context.vendor.id)
  if (req.validatedQuery.format === "csv") return streamCsv(res, `sales-${result.interval}.csv`, SERIES_COLUMNS, result.series)
  res.json(result)
}
