import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { ANALYTICS_MODULE } from "../../modules/analytics"
import type AnalyticsModuleService from "../../modules/analytics/service"
import { fromMinor } from "../../lib/money"
import type { Scope } from "../../modules/analytics/queries"
import { resolveRange } from "../../modules/analytics/range"
import { VENDOR_MODULE } from "../../modules/vendor"
import type VendorModuleService from "../../modules/vendor/service"
import { csvCell } from "./csv"
import { shipSlaHours as shipSlaHoursSetting } from "../../options"

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
