import { MathBN } from "@medusajs/framework/utils"
import { fromMinor } from "../../lib/money"

/**
 * The analytics figures as the API reports them, from the rows the SQL in
 * queries.ts returns: minor units become the currency's units, counts
 * become numbers, rates and changes keep four decimals. Pure: no I/O.
 */

/** PostgreSQL returns bigint and numeric columns as strings. */
type Numeric = string | number

export type TotalsRow = {
  gmv_minor: Numeric
  commission_minor: Numeric
  refunded_minor: Numeric
  order_count: Numeric
  vendor_order_count: Numeric
  canceled_vendor_order_count: Numeric
  buyer_count: Numeric
  company_count: Numeric
}
export type SeriesRow = Pick<TotalsRow, "gmv_minor" | "commission_minor" | "refunded_minor" | "order_count" | "vendor_order_count"> & {
  period: string
}
export type TopRow = Pick<TotalsRow, "gmv_minor" | "commission_minor" | "order_count"> & { id: string; quantity: Numeric }
export type PerformanceRow = {
  vendor_id: string
  vendor_total: Numeric
  vendor_order_count: Numeric
  accepted_count: Numeric
  decided_count: Numeric
  canceled_count: Numeric
  returned_count: Numeric
  delivered_count: Numeric
  late_count: Numeric
  due_count: Numeric
  median_hours_to_ship: Numeric | null
}

/** Relative change from `prev` to `cur`; null when there is nothing to compare with. */
export const ratio = (cur: number, prev: number) => (prev === 0 ? null : Number(((cur - prev) / Math.abs(prev)).toFixed(4)))

/** n / d with four decimals; null when d is 0. */
export const rate = (n: Numeric, d: Numeric) => (Number(d) ? Number((Number(n) / Number(d)).toFixed(4)) : null)

/** Totals in the currency's units, with the average order value (half-even to the cent). */
export function overviewFigures(row: TotalsRow, currency: string) {
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
export type OverviewFigures = ReturnType<typeof overviewFigures>

/** The relative change of each figure (null when the previous one is 0). */
export function overviewChange(cur: OverviewFigures, prev: OverviewFigures) {
  const keys = Object.keys(cur) as (keyof OverviewFigures)[]
  return Object.fromEntries(keys.map((k) => [k, ratio(cur[k], prev[k])])) as Record<keyof OverviewFigures, number | null>
}

export function seriesFigures(r: SeriesRow, currency: string) {
  return {
    period: r.period,
    gmv: fromMinor(r.gmv_minor, currency),
    commission_total: fromMinor(r.commission_minor, currency),
    refunded_total: fromMinor(r.refunded_minor, currency),
    order_count: Number(r.order_count),
    vendor_order_count: Number(r.vendor_order_count),
  }
}

export function topFigures(r: TopRow, name: string | null, currency: string) {
  return {
    id: r.id,
    name,
    gmv: fromMinor(r.gmv_minor, currency),
    order_count: Number(r.order_count),
    commission_total: fromMinor(r.commission_minor, currency),
    quantity: Number(r.quantity),
  }
}

export function performanceFigures(r: PerformanceRow, name: string | null) {
  return {
    vendor_id: r.vendor_id,
    name,
    vendor_order_count: Number(r.vendor_order_count),
    acceptance_rate: rate(r.accepted_count, r.decided_count),
    median_hours_to_ship: r.median_hours_to_ship === null ? null : Number(Number(r.median_hours_to_ship).toFixed(2)),
    cancellation_rate: rate(r.canceled_count, r.vendor_order_count),
    return_rate: rate(r.returned_count, r.delivered_count),
    late_shipment_rate: rate(r.late_count, r.due_count),
  }
}
