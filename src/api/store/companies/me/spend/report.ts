import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { returnedToBuyer, type SpendVendorOrder } from "../../../../../lib/company-spend"
import { decimalString, rawAmount, type WithAmount } from "../../../../../lib/money"

/** An order placed for the company (its company_order row). */
export type SpendOrder = { order_id: string; employee_id: string; placed_at: Date | string } & WithAmount<"total">

export type SpendReportInput = {
  currency_code: string
  timezone: string
  /** [from, to): the months of the range are the periods, empty ones included. */
  from: Date
  to: Date
  orders: SpendOrder[]
  /** The vendor orders of those orders. */
  vendor_orders: (SpendVendorOrder & { vendor_id: string })[]
}

/** As the operator's CompanySpendTotals: totals at placement, what came back to the buyer, and the net. */
export type SpendFigures = { order_count: number; total: number; refunded_total: number; net_total: number }

type Sum = { total: BigNumberInput; refunded: BigNumberInput; net: BigNumberInput; orders: Set<string> }
const empty = (): Sum => ({ total: 0, refunded: 0, net: 0, orders: new Set() })
const add = (s: Sum, total: BigNumberInput, refunded: BigNumberInput, orderId: string) => {
  s.total = MathBN.add(s.total, total)
  s.refunded = MathBN.add(s.refunded, refunded)
  s.net = MathBN.add(s.net, MathBN.max(MathBN.sub(total, refunded), 0))
  s.orders.add(orderId)
}

/** The calendar month (YYYY-MM) of an instant in a time zone. */
export function monthIn(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit" }).formatToParts(at)
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? ""
  return `${get("year")}-${get("month")}`
}

/** Every month from the one holding `from` to the one holding the last instant before `to`, in the zone. */
export function monthsBetween(from: Date, to: Date, timeZone: string): string[] {
  const last = monthIn(new Date(to.getTime() - 1), timeZone)
  let [y, m] = monthIn(from, timeZone).split("-").map(Number)
  const out: string[] = []
  for (let key = ""; key !== last && out.length < 1000; m === 12 ? ((m = 1), y++) : m++) {
    key = `${y}-${String(m).padStart(2, "0")}`
    out.push(key)
  }
  return out
}

/**
 * A company's spend, pure: per order, its total at placement (total), what
 * its vendor orders gave back (refunded_total: refunds, or the whole share of
 * a rejected or canceled vendor order — returnedToBuyer, the rule spending
 * limits use) and the difference, never below 0 (net_total); per vendor, the
 * same over its vendor orders. A refund counts in the month the order was placed (as for limits),
 * not the month it was paid back. Sums are exact (MathBN) and rounded once,
 * half-even, to the currency's minor unit.
 */
export function spendReport(input: SpendReportInput) {
  const cur = input.currency_code
  const money = (v: BigNumberInput) => Number(decimalString(v, cur))
  const figures = (s: Sum): SpendFigures => ({
    order_count: s.orders.size,
    total: money(s.total),
    refunded_total: money(s.refunded),
    net_total: money(s.net),
  })

  const returnedOf = new Map<string, BigNumberInput>()
  const vendors = new Map<string, Sum>()
  for (const vo of input.vendor_orders) {
    const back = returnedToBuyer(vo)
    returnedOf.set(vo.order_id, MathBN.add(returnedOf.get(vo.order_id) ?? 0, back))
    const v = vendors.get(vo.vendor_id) ?? empty()
    add(v, rawAmount(vo, "total"), back, vo.order_id)
    vendors.set(vo.vendor_id, v)
  }

  const total = empty()
  const periods = new Map<string, Sum>(monthsBetween(input.from, input.to, input.timezone).map((p) => [p, empty()]))
  const employees = new Map<string, Sum>()
  for (const o of input.orders) {
    const back = returnedOf.get(o.order_id) ?? 0
    const placed = rawAmount(o, "total")
    add(total, placed, back, o.order_id)
    const key = monthIn(new Date(o.placed_at), input.timezone)
    const p = periods.get(key) ?? empty()
    add(p, placed, back, o.order_id)
    periods.set(key, p)
    const e = employees.get(o.employee_id) ?? empty()
    add(e, placed, back, o.order_id)
    employees.set(o.employee_id, e)
  }

  const bySpend = <T extends { net_total: number }>(rows: (T & { id: string })[]) =>
    rows.sort((a, b) => b.net_total - a.net_total || a.id.localeCompare(b.id))
  return {
    total: figures(total),
    by_period: [...periods.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([period, s]) => ({ period, ...figures(s) })),
    by_vendor: bySpend([...vendors.entries()].map(([id, s]) => ({ id, ...figures(s) }))),
    by_employee: bySpend([...employees.entries()].map(([id, s]) => ({ id, ...figures(s) }))),
  }
}
