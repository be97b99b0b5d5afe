import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { buildTop, streamCsv, TOP_COLUMNS } from "../helpers"
import type { AnalyticsTopParamsType } from "../validators"

/** GET /admin/analytics/top?dimension=vendor|product|category|company&limit=: the biggest by GMV; format=csv streams it. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AnalyticsTopParamsType>, res: MedusaResponse) {
  const result = await buildTop(req.scope, req.validatedQuery)
  if (req.validatedQuery.format === "csv") return streamCsv(res, `top-${result.dimension}.csv`, TOP_COLUMNS, result.rows)
  res.json(result)
}
