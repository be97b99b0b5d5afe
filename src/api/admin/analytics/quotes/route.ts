import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { buildQuoteFunnel } from "../../../../utils/quote-funnel"
import type { AnalyticsQuotesParamsType } from "../validators"

/**
 * GET /admin/analytics/quotes: per vendor, the parts of quotes requested in
 * the range: requested, quoted, declined, accepted, ordered, and the quote
 * and conversion rates. Busiest vendors first; `vendor_id` narrows to one.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AnalyticsQuotesParamsType>, res: MedusaResponse) {
  res.json(await buildQuoteFunnel(req.scope, req.validatedQuery, req.validatedQuery.vendor_id))
}
