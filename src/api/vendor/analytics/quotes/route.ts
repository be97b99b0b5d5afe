import type { MedusaResponse } from "@medusajs/framework/http"
import { buildQuoteFunnel } from "../../../../utils/quote-funnel"
import type { VendorRequest } from "../../context"
import type { VendorAnalyticsQuotesParamsType } from "../validators"

/** GET /vendor/analytics/quotes: the caller's own quote funnel over the range (one row, or none without quotes). */
export async function GET(req: VendorRequest<unknown, VendorAnalyticsQuotesParamsType>, res: MedusaResponse) {
  const { vendors } = await buildQuoteFunnel(req.scope, { ...req.validatedQuery, limit: 1, offset: 0 }, req.vendor_context.vendor.id)
  const [mine] = vendors
  res.json({
    quotes: mine
      ? (({ vendor: _vendor, ...figures }) => figures)(mine)
      : { requested: 0, quoted: 0, declined: 0, accepted: 0, ordered: 0, quote_rate: null, conversion_rate: null },
  })
}
