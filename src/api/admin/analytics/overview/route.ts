import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { buildOverview } from "../helpers"
import type { AnalyticsOverviewParamsType } from "../validators"

/**
 * GET /admin/analytics/overview?currency_code=&from=&to=&tz=: GMV (sales net
 * of refunds), commission revenue, orders, vendor orders, AOV, buyers and
 * buyer companies, with the previous period of the same length and the change.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AnalyticsOverviewParamsType>, res: MedusaResponse) {
  res.json({ overview: await buildOverview(req.scope, req.validatedQuery) })
}
