import { z } from "@medusajs/framework/zod"
import { DATE_ONLY, isTimeZone, resolveRange } from "../../../modules/analytics/range"
import { findParams, pageParams } from "../../utils/validation"

// A date-time must say its offset: "local time of which zone?" has no good default.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/
const realDate = (v: string) => {
  const day = v.slice(0, 10)
  const d = new Date(`${day}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day
}
const validInstant = (v: string) => (DATE_ONLY.test(v) || DATE_TIME.test(v)) && realDate(v) && !Number.isNaN(Date.parse(v))
export const instant = z
  .string()
  .refine(validInstant, "must be a date (YYYY-MM-DD, a whole day in tz) or an ISO 8601 date-time with an offset (2026-03-01T10:00:00Z)")
const timeZone = z.string().refine(isTimeZone, "must be an IANA time zone, such as UTC or Europe/Berlin")

const rangeFields = {
  currency_code: z
    .string()
    .length(3)
    .transform((c) => c.toLowerCase())
    .optional(),
  from: instant.optional(),
  to: instant.optional(),
  tz: timeZone.default("UTC"),
}
// Longest range a request may cover: enough for multi-year trends, bounded
// so that a daily series cannot be asked for centuries of empty days.
const MAX_RANGE_DAYS = 3 * 366
export const rangeChecks = (q: { from?: string; to?: string; tz: string }, ctx: z.RefinementCtx) => {
  // Zod runs this even when a field failed; those failures speak for themselves.
  if ((!q.from && !q.to) || (q.from && !validInstant(q.from)) || (q.to && !validInstant(q.to)) || typeof q.tz !== "string") return
  if (!isTimeZone(q.tz)) return
  const { from, to } = resolveRange(q)
  if (from >= to) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["from"], message: "from must be before to" })
  else if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["to"], message: `the range may cover at most ${MAX_RANGE_DAYS} days` })
  }
}

/** Overviews answer JSON only. */
export const AnalyticsOverviewParams = z.object(rangeFields).strict().superRefine(rangeChecks)
export const AnalyticsRangeParams = z.object({ ...rangeFields, format: z.enum(["json", "csv"]).default("json") }).strict()
export const AnalyticsSalesParams = AnalyticsRangeParams.extend({ interval: z.enum(["day", "week", "month"]).default("day") })
  .strict()
  .superRefine(rangeChecks)
export const AnalyticsTopParams = AnalyticsRangeParams.extend({
  dimension: z.enum(["vendor", "product", "category", "company"]).default("vendor"),
})
  .merge(findParams({ limit: 10 }).pick({ limit: true }))
  .strict()
  .superRefine(rangeChecks)
export const AnalyticsPerformanceParams = AnalyticsRangeParams.merge(pageParams({ limit: 50, max: 200 }))
  .strict()
  .superRefine(rangeChecks)

// Quote funnels count quotes, not money: a range and paging, no currency.
export const AnalyticsQuotesParams = AnalyticsRangeParams.omit({ currency_code: true, format: true })
  .merge(pageParams({ limit: 50, max: 200 }))
  .extend({ vendor_id: z.string().trim().min(1).max(100).optional() })
  .strict()
  .superRefine(rangeChecks)
export type AnalyticsQuotesParamsType = z.infer<typeof AnalyticsQuotesParams>

export type AnalyticsOverviewParamsType = z.infer<typeof AnalyticsOverviewParams>
export type AnalyticsSalesParamsType = z.infer<typeof AnalyticsSalesParams>
export type AnalyticsTopParamsType = z.infer<typeof AnalyticsTopParams>
export type AnalyticsPerformanceParamsType = z.infer<typeof AnalyticsPerformanceParams>
