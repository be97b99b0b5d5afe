import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { buildOverview } from "../../../utils/analytics"

/**
 * GET /admin/analytics/overview?currency_code=&from=&to=&tz=: GMV (sales net
 * of refunds), commission revenue, orders, vendor orders, AOV, buyers and
 * buyer companies, with the previous period of the same length and the change.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ overview: await buildOverview(req.scope, req.validatedQuery) })
}
