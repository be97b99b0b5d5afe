import { z } from "@medusajs/framework/zod"
import { AnalyticsRangeParams, rangeChecks } from "../../admin/analytics/validators"
import { findParams } from "../../utils/validation"

// A vendor ranks its own products and categories only.
export const VendorAnalyticsTopParams = AnalyticsRangeParams.extend({
  dimension: z.enum(["product", "category"]).default("product"),
})
  .merge(findParams({ limit: 10 }).pick({ limit: true }))
  .strict()
  .superRefine(rangeChecks)
export type VendorAnalyticsTopParamsType = z.infer<typeof VendorAnalyticsTopParams>

// The caller's own quote funnel: a range only.
export const VendorAnalyticsQuotesParams = AnalyticsRangeParams.omit({ currency_code: true, format: true })
  .strict()
  .superRefine(rangeChecks)
export type VendorAnalyticsQuotesParamsType = z.infer<typeof VendorAnalyticsQuotesParams>
