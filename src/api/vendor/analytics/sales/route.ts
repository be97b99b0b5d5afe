import type { MedusaResponse } from "@medusajs/framework/http"
import type { VendorRequest } from "../../context"
import { buildSeries, streamCsv } from "../../../utils/analytics"
import { SERIES_COLUMNS } from "../../../admin/analytics/sales/route"

/** GET /vendor/analytics/sales: the caller's series (same shape as the operator's); format=csv streams it. */
export async function GET(req: VendorRequest, res: MedusaResponse) {
  const result = await buildSeries(req.scope, req.validatedQuery, req.vendor_context.vendor.id)
  if ((req.validatedQuery as any).format === "csv") return streamCsv(res, `sales-${result.interval}.csv`, SERIES_COLUMNS, result.series)
  res.json(result)
}
