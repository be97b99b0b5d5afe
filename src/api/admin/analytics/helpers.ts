import type { MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ANALYTICS_MODULE } from "../../../modules/analytics"
import type AnalyticsModuleService from "../../../modules/analytics/service"
import { resolveRange } from "../../../modules/analytics/range"
import {
  overviewChange,
  overviewFigures,
  performanceFigures,
  seriesFigures,
  topFigures,
  type PerformanceRow,
  type SeriesRow,
  type TopRow,
  type TotalsRow,
} from "../../../modules/analytics/report"
import { VENDOR_MODULE } from "../../../modules/vendor"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import type VendorModuleService from "../../../modules/vendor/service"
import { shipSlaHours } from "../../../options"
import { csvCell } from "../../utils/csv"
import type { VendorAnalyticsTopParamsType } from "../../vendor/analytics/validators"
import type {
  AnalyticsOverviewParamsType,
  AnalyticsPerformanceParamsType,
  AnalyticsSalesParamsType,
  AnalyticsTopParamsType,
} from "./validators"

/**
 * The analytics reads behind /admin/analytics/* and /vendor/analytics/*:
 * the query parameters in, the analytics module's rows read, the figures
 * (src/modules/analytics/report.ts) out. A vendor id narrows every read to
 * that vendor.
 */

export const SERIES_COLUMNS = ["period", "gmv", "commission_total", "refunded_total", "order_count", "vendor_order_count"] as const
export const TOP_COLUMNS = ["id", "name", "gmv", "order_count", "commission_total", "quantity"] as const
export const PERFORMANCE_COLUMNS = [
  "vendor_id",
  "name",
  "vendor_order_count",
  "acceptance_rate",
  "median_hours_to_ship",
  "cancellation_rate",
  "return_rate",
  "late_shipment_rate",
] as const

let defaultCurrency: { code: string; at: number } | null = null
/** The store's default currency (cached for a minute): analytics are per currency. */
export async function analyticsCurrency(scope: MedusaContainer, requested?: string): Promise<string> {
  if (requested) return requested
  if (defaultCurrency && Date.now() - defaultCurrency.at < 60_000) return defaultCurrency.code
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "store", fields: ["supported_currencies.currency_code", "supported_currencies.is_default"] })
  const currencies = (data[0]?.supported_currencies ?? []) as { currency_code: string; is_default: boolean }[]
  const code = (currencies.find((c) => c.is_default) ?? currencies[0])?.currency_code ?? "eur"
  defaultCurrency = { code, at: Date.now() }
  return code
}

const analyticsService = (scope: MedusaContainer): AnalyticsModuleService => scope.resolve(ANALYTICS_MODULE)

/**
 * The overview for a range and for the period of the same length just
 * before it, with the relative change of each figure (null when the
 * previous one is 0).
 */
export async function buildOverview(scope: MedusaContainer, query: AnalyticsOverviewParamsType, vendorId?: string) {
  const currency = await analyticsCurrency(scope, query.currency_code)
  const range = resolveRange(query)
  const service = analyticsService(scope)
  const length = range.to.getTime() - range.from.getTime()
  const previousRange = { ...range, from: new Date(range.from.getTime() - length), to: range.from }
  const base = { currency_code: currency, tz: range.tz, vendor_id: vendorId ?? null }
  const [current, previous] = await Promise.all([
    service.aggregate({ ...base, ...range }),
    service.aggregate({ ...base, ...previousRange }),
  ])
  const cur = overviewFigures(current as TotalsRow, currency)
  const prev = overviewFigures(previous as TotalsRow, currency)
  return {
    currency_code: currency,
    from: range.from,
    to: range.to,
    tz: range.tz,
    ...cur,
    previous: prev,
    change: overviewChange(cur, prev),
  }
}

export async function buildSeries(scope: MedusaContainer, query: AnalyticsSalesParamsType, vendorId?: string) {
  const currency = await analyticsCurrency(scope, query.currency_code)
  const range = resolveRange(query)
  const rows: SeriesRow[] = await analyticsService(scope).series({
    currency_code: currency,
    vendor_id: vendorId ?? null,
    interval: query.interval,
    ...range,
  })
  return {
    currency_code: currency,
    interval: query.interval,
    tz: range.tz,
    series: rows.map((r) => seriesFigures(r, currency)),
  }
}

type Dimension = AnalyticsTopParamsType["dimension"] | VendorAnalyticsTopParamsType["dimension"]

/** Names for the ids of a top list (vendors, products, categories, companies). */
async function names(scope: MedusaContainer, dimension: Dimension, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map()
  if (dimension === "vendor") {
    const vendors: VendorModuleService = scope.resolve(VENDOR_MODULE)
    return vendors.vendorNames(ids)
  }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  if (dimension === "product") {
    const { data } = await query.graph({ entity: "product", fields: ["id", "title"], filters: { id: ids } })
    return new Map(data.map((p) => [p.id, p.title]))
  }
  if (dimension === "category") {
    const { data } = await query.graph({ entity: "product_category", fields: ["id", "name"], filters: { id: ids } })
    return new Map(data.map((c) => [c.id, c.name]))
  }
  if (dimension === "company") {
    const companies: CompanyModuleService = scope.resolve(COMPANY_MODULE)
    return new Map((await companies.listCompanies({ id: ids }, { select: ["id", "name"], withDeleted: true })).map((c) => [c.id, c.name]))
  }
  return new Map()
}

export async function buildTop(scope: MedusaContainer, query: AnalyticsTopParamsType | VendorAnalyticsTopParamsType, vendorId?: string) {
  const currency = await analyticsCurrency(scope, query.currency_code)
  const range = resolveRange(query)
  const rows: TopRow[] = await analyticsService(scope).top({
    currency_code: currency,
    vendor_id: vendorId ?? null,
    dimension: query.dimension,
    limit: query.limit,
    ...range,
  })
  const named = await names(
    scope,
    query.dimension,
    rows.map((r) => r.id)
  )
  return {
    currency_code: currency,
    dimension: query.dimension,
    rows: rows.map((r) => topFigures(r, named.get(r.id) ?? null, currency)),
  }
}

export async function buildPerformance(scope: MedusaContainer, query: AnalyticsPerformanceParamsType) {
  const currency = await analyticsCurrency(scope, query.currency_code)
  const range = resolveRange(query)
  const slaHours = shipSlaHours()
  const rows: PerformanceRow[] = await analyticsService(scope).vendorPerformance({
    currency_code: currency,
    ...range,
    sla_hours: slaHours,
    now: new Date(),
    limit: query.limit,
    offset: query.offset,
  })
  const named = await names(
    scope,
    "vendor",
    rows.map((r) => r.vendor_id)
  )
  // Past the last page there is no row to carry the total: count separately.
  const count = rows.length
    ? Number(rows[0].vendor_total)
    : query.offset
      ? await analyticsService(scope).vendorCount({ currency_code: currency, ...range })
      : 0
  return {
    currency_code: currency,
    sla_hours: slaHours,
    count,
    offset: query.offset,
    limit: query.limit,
    vendors: rows.map((r) => performanceFigures(r, named.get(r.vendor_id) ?? null)),
  }
}

/**
 * Writes rows as CSV, a chunk at a time (Excel-safe cells, see csv.ts),
 * so long series never build one big string.
 */
export function streamCsv<Row>(res: MedusaResponse, filename: string, columns: readonly (keyof Row & string)[], rows: Row[]) {
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
