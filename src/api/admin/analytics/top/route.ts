import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { buildTop, streamCsv } from "../../../utils/analytics"

export const TOP_COLUMNS = ["id", "name", "gmv", "order_count", "commission_total", "quantity"]

/** GET /admin/analytics/top?dimension=vendor|product|category|company&limit=: the biggest by GMV; format=csv streams it. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const result = await buildTop(req.scope, req.validatedQuery)
  if ((req.validatedQuery as any).format === "csv") return streamCsv(res, `top-${result.dimension}.csv`, TOP_COLUMNS, result.rows)
  res.json(result)
}
