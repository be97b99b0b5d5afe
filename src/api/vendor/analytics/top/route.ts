import type { MedusaResponse } from "@medusajs/framework/http"
import type { VendorRequest } from "../../context"
import { buildTop, streamCsv, TOP_COLUMNS } from "../../../admin/analytics/helpers"
import type { VendorAnalyticsTopParamsType } from "../validators"

/** GET /vendor/analytics/top?dimension=product|category: the caller's best sellers; format=csv streams it. */
export async function GET(req: VendorRequest<unknown, VendorAnalyticsTopParamsType>, res: MedusaResponse) {
  const result = await buildTop(req.scope, req.validatedQuery, req.vendor_context.vendor.id)
  if (req.validatedQuery.format === "csv") return streamCsv(res, `top-${result.dimension}.csv`, TOP_COLUMNS, result.rows)
  res.json(result)
}
