import type { MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { ANALYTICS_MODULE } from "../../modules/analytics"
import type AnalyticsModuleService from "../../modules/analytics/service"
import { fromMinor } from "../../lib/money"
import type { Scope } from "../../modules/analytics/queries"
import { VENDOR_MODULE } from "../../modules/vendor"
import type VendorModuleService from "../../modules/vendor/service"
import { csvCell } from "./csv"
import { shipSlaHours as shipSlaHoursSetting } from "../../options"

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/
// A date-time must say its offset: "local time of which zone?" has no good default.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/
const realDate = (v: string) => {
  const day = v.slice(0, 10)
  const d = new Date(`${day}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day
}
const validInstant = (v: string) => (DATE_ONLY.test(v) || DATE_TIME.test(v)) && realDate(v) && !Number.isNaN(Date.parse(v))
const instant = z
  .string()
  .refine(validInstant, "must be a date (YYYY-MM-DD, a whole day in tz) or an ISO 8601 date-time with an offset (2026-03-01T10:00:00Z)")
const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz })
    return true
  } catch {
    return false
  }
}, "must be an IANA time zone, such as UTC or Europe/Berlin")

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
const rangeChecks = (q: { from?: string; to?: string; tz: string }, ctx: z.RefinementCtx) => {
  // Zod runs this even when a field failed; those failures speak for themselves.
  if ((!q.from && !q.to) || (q.from && !validInstant(q.from)) || (q.to && !validInstant(q.to)) || typeof q.tz !== "string") return
  try {
    new Intl.DateTimeFormat("en", { timeZone: q.tz })
  } catch {
    return
  }
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
  limit: z.coerce.number().int().min(1).max(100).default(10),
})
  .strict()
  .superRefine(rangeChecks)
export const VendorAnalyticsTopParams = AnalyticsRangeParams.extend({
  dimension: z.enum(["product", "category"]).default("product"),
  limit: z.coerce.number().int().min(1).max(100).default(10),
})
  .strict()
  .superRefine(rangeChecks)
export const AnalyticsPerformanceParams = AnalyticsRangeParams.extend({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})
  .strict()
  .superRefine(rangeChecks)

/** The offset of `tz` from UTC at `at`, in minutes. */
export function tzOffsetMinutes(tz: string, at: Date): number {
  const name =
    new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: "longOffset" }).formatToParts(at).find((p) => p.type === "timeZoneName")
      ?.value ?? "GMT"
  const m = name.match(/GMT([+-])(\d{2}):?(\d{2})?/)
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0
}

/** Midnight of a YYYY-MM-DD day in `tz`, as an instant (DST-safe). */
export function localMidnight(day: string, tz: string): Date {
  const [y, m, d] = day.split("-").map(Number)
  const guess = Date.UTC(y, m - 1, d)
  let at = new Date(guess - tzOffsetMinutes(tz, new Date(guess)) * 60_000)
  // Across a DST change the offset at the result can differ from the guess's.
  at = new Date(guess - tzOffsetMinutes(tz, at) * 60_000)
  return at
}

export type AnalyticsRange = { from: Date; to: Date; tz: string; use_rollups: boolean }

/**
 * [from, to) from the query. A date is a whole day in `tz`: `from` starts
 * at its midnight and `to` ends at the next one (both days included). A
 * date-time is taken as given, `to` exclusive. Default: the last 30 days up
 * to the next whole hour. Rollups serve the range when both ends are whole
 * hours and the time zone's offset is whole hours at both ends.
 */
export function resolveRange(q: { from?: string; to?: string; tz: string }, now = new Date()): AnalyticsRange {
  const tz = q.tz
  const nextHour = new Date(Math.ceil(now.getTime() / 3_600_000) * 3_600_000)
  const to = q.to ? (DATE_ONLY.test(q.to) ? localMidnight(addDays(q.to, 1), tz) : new Date(q.to)) : nextHour
  const from = q.from ? (DATE_ONLY.test(q.from) ? localMidnight(q.from, tz) : new Date(q.from)) : new Date(to.getTime() - 30 * 86_400_000)
  const hourly = (d: Date) => d.getTime() % 3_600_000 === 0
  const wholeHourZone = tzOffsetMinutes(tz, from) % 60 === 0 && tzOffsetMinutes(tz, to) % 60 === 0
  return { from, to, tz, use_rollups: hourly(from) && hourly(to) && wholeHourZone }
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

let defaultCurrency: { code: string; at: number } | null = null
/** The store's default currency (cached for a minute): analytics are per currency. */
export async function analyticsCurrency(scope: any, requested?: string): Promise<string> {
  if (requested) return requested
  if (defaultCurrency && Date.now() - defaultCurrency.at < 60_000) return defaultCurrency.code
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "store", fields: ["supported_currencies.currency_code", "supported_currencies.is_default"] })
  const currencies = (data[0]?.supported_currencies ?? []) as { currency_code: string; is_default: boolean }[]
  const code = (currencies.find((c) => c.is_default) ?? currencies[0])?.currency_code ?? "eur"
  defaultCurrency = { code, at: Date.now() }
  return code
}

export const analyticsService = (scope: any): AnalyticsModuleService => scope.resolve(ANALYTICS_MODULE)

const ratio = (cur: number, prev: number) => (prev === 0 ? null : Number(((cur - prev) / Math.abs(prev)).toFixed(4)))

/** Totals in the currency's units, with the average order value (half-even to the cent). */
export function overviewFigures(row: Record<string, any>, currency: string) {
  const orders = Number(row.order_count)
  const gmvMinor = MathBN.convert(String(row.gmv_minor))
  return {
    gmv: fromMinor(row.gmv_minor, currency),
    commission_total: fromMinor(row.commission_minor, currency),
    net_total: fromMinor(gmvMinor.minus(String(row.commission_minor)).toFixed(0), currency),
    refunded_total: fromMinor(row.refunded_minor, currency),
    order_count: orders,
    vendor_order_count: Number(row.vendor_order_count),
    canceled_vendor_order_count: Number(row.canceled_vendor_order_count),
    average_order_value: orders ? fromMinor(gmvMinor.div(orders).decimalPlaces(0, 6).toFixed(0), currency) : 0,
    buyer_count: Number(row.buyer_count),
    company_count: Number(row.company_count),
  }
}

/**
 * The overview for a range and for the period of the same length just
 * before it, with the relative change of each figure (null when the
 * previous one is 0).
 */
export async function buildOverview(scope: any, query: any, vendorId?: string) {
  const currency = await analyticsCurrency(scope, query.currency_code)
  const range = resolveRange(query)
  const service = analyticsService(scope)
  const length = range.to.getTime() - range.from.getTime()
  const previousRange = { ...range, from: new Date(range.from.getTime() - length), to: range.from }
  const base = { currency_code: currency, tz: range.tz, vendor_id: vendorId ?? null }
  const [current, previous] = await Promise.all([
    service.aggregate({ ...base, ...range } as Scope),
    service.aggregate({ ...base, ...previousRange } as Scope),
  ])
  const cur = overviewFigures(current, currency)
  const prev = overviewFigures(previous, currency)
  const change = Object.fromEntries(Object.keys(cur).map((k) => [k, ratio((cur as any)[k], (prev as any)[k])]))
  return { currency_code: currency, from: range.from, to: range.to, tz: range.tz, ...cur, previous: prev, change }
}

export async function buildSeries(scope: any, query: any, vendorId?: string) {
  const currency = await analyticsCurrency(scope, query.currency_code)
  const range = resolveRange(query)
  const rows = await analyticsService(scope).series({
    currency_code: currency,
    vendor_id: vendorId ?? null,
    interval: query.interval,
    ...range,
  })
  return {
    currency_code: currency,
    interval: query.interval as string,
    tz: range.tz,
    series: rows.map((r: any) => ({
      period: r.period,
      gmv: fromMinor(r.gmv_minor, currency),
      commission_total: fromMinor(r.commission_minor, currency),
      refunded_total: fromMinor(r.refunded_minor, currency),
      order_count: Number(r.order_count),
      vendor_order_count: Number(r.vendor_order_count),
    })),
  }
}

/** Names for the ids of a top list (vendors, products, categories). */
async function names(scope: any, dimension: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map()
  if (dimension === "vendor") {
    const vendors: VendorModuleService = scope.resolve(VENDOR_MODULE)
    return new Map(
      (await vendors.listVendors({ id: ids }, { select: ["id", "name"], withDeleted: true } as any)).map((v) => [v.id, v.name])
    )
  }
  const entity = { product: "product", category: "product_category" }[dimension]
  if (!entity) return new Map()
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity, fields: ["id", dimension === "product" ? "title" : "name"], filters: { id: ids } })
  return new Map(data.map((d: any) => [d.id, d.title ?? d.name]))
}

export async function buildTop(scope: any, query: any, vendorId?: string) {
  const currency = await analyticsCurrency(scope, query.currency_code)
  const range = resolveRange(query)
  const rows = await analyticsService(scope).top({
    currency_code: currency,
    vendor_id: vendorId ?? null,
    dimension: query.dimension,
    limit: query.limit,
    ...range,
  })
  const named = await names(
    scope,
    query.dimension,
    rows.map((r: any) => r.id)
  )
  return {
    currency_code: currency,
    dimension: query.dimension as string,
    rows: rows.map((r: any) => ({
      id: r.id,
      name: named.get(r.id) ?? null,
      gmv: fromMinor(r.gmv_minor, currency),
      order_count: Number(r.order_count),
      commission_total: fromMinor(r.commission_minor, currency),
      quantity: Number(r.quantity),
    })),
  }
}

const rate = (n: any, d: any) => (Number(d) ? Number((Number(n) / Number(d)).toFixed(4)) : null)

/** Option shipSlaHours, env MARKETPLACE_SHIP_SLA_HOURS, default 48 (src/options.ts): a vendor order shipped later than this after placing is late. */
export function shipSlaHours(): number {
  return shipSlaHoursSetting()
}

export async function buildPerformance(scope: any, query: any) {
  const currency = await analyticsCurrency(scope, query.currency_code)
  const range = resolveRange(query)
  const rows = await analyticsService(scope).vendorPerformance({
    currency_code: currency,
    ...range,
    sla_hours: shipSlaHours(),
    now: new Date(),
    limit: query.limit,
    offset: query.offset,
  })
  const named = await names(
    scope,
    "vendor",
    rows.map((r: any) => r.vendor_id)
  )
  // Past the last page there is no row to carry the total: count separately.
  const count = rows.length
    ? Number(rows[0].vendor_total)
    : query.offset
      ? await analyticsService(scope).vendorCount({ currency_code: currency, ...range })
      : 0
  return {
    currency_code: currency,
    sla_hours: shipSlaHours(),
    count,
    offset: query.offset,
    limit: query.limit,
    vendors: rows.map((r: any) => ({
      vendor_id: r.vendor_id,
      name: named.get(r.vendor_id) ?? null,
      vendor_order_count: Number(r.vendor_order_count),
      acceptance_rate: rate(r.accepted_count, r.decided_count),
      median_hours_to_ship: r.median_hours_to_ship === null ? null : Number(Number(r.median_hours_to_ship).toFixed(2)),
      cancellation_rate: rate(r.canceled_count, r.vendor_order_count),
      return_rate: rate(r.returned_count, r.delivered_count),
      late_shipment_rate: rate(r.late_count, r.due_count),
    })),
  }
}

/**
 * Writes rows as CSV, a chunk at a time (Excel-safe cells, see csv.ts),
 * so long series never build one big string.
 */
export function streamCsv(res: MedusaResponse, filename: string, columns: string[], rows: Record<string, unknown>[]) {
  res.setHeader("content-type", "text/csv; charset=utf-8")
  res.setHeader("content-disposition", `attachment; filename="${filename}"`)
  res.write(columns.join(",") + "\r\n")
  for (let i = 0; i < rows.length; i += 500) {
    res.write(
      rows
        .slice(i, i + 500)
        .map((r) => columns.map((c) => csvCell(r[c])).join(",") + "\r\n")
        .join("")
    )
  }
  res.end()
}
