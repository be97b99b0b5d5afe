import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { allocateMinor, allocateRounded, rawAmount, toMinor, type WithAmount } from "../../lib/money"
import type { FactRow } from "./types"

type LineAmounts = WithAmount<"total"> & WithAmount<"discount_total"> & WithAmount<"tax_total">
type Timestamp = Date | string

/** A vendor order as the sales facts read it: the vendor module's row with its items and shipping methods. */
export type SalesFactVendorOrder = {
  id: string
  order_id: string
  vendor_id: string
  currency_code: string
  status: string
  customer_id?: string | null
  created_at: Timestamp
  accepted_at?: Timestamp | null
  shipped_at?: Timestamp | null
  delivered_at?: Timestamp | null
  canceled_at?: Timestamp | null
  rejected_at?: Timestamp | null
  items: (LineAmounts & {
    id: string
    line_item_id: string
    product_id?: string | null
    variant_id?: string | null
    quantity: BigNumberInput
  })[]
  shipping_methods: (LineAmounts & { id: string; shipping_method_id: string })[]
}

/** Everything the facts of some vendor orders are computed from, loaded by the caller. */
export type SalesFactSources = {
  vendor_orders: SalesFactVendorOrder[]
  /** Every vendor order of the same master orders ({id, order_id}): the smallest id carries the order's count. */
  siblings: { id: string; order_id: string }[]
  /** The vendor orders' ledger rows. */
  postings: (WithAmount<"amount"> & { vendor_order_id: string | null; type: string })[]
  /** The vendor orders' commission lines. */
  commission_lines: (WithAmount<"amount"> & { vendor_order_id: string; reference_id: string })[]
  /** Medusa's received returned quantity per line item id. */
  returned_quantities: Map<string, number>
  /** Each product's collection and categories. */
  products: Map<string, { collection_id: string | null; category_ids: string[] }>
  /** The buying company of each master order placed by a company's employee (company_order), by order id. */
  companies?: Map<string, string>
}

/** The ledger row types a fact reads, summed per vendor order in minor units. */
type LedgerSums = { sale: number; refund: number; commission: number; commission_reversal: number }
const isSummed = (type: string): type is keyof LedgerSums => type in { sale: 0, refund: 0, commission: 0, commission_reversal: 0 }

const at = (v: Timestamp | null | undefined) => (v ? new Date(v) : null)

/**
 * The fact rows of some vendor orders, one per item and shipping line.
 * Pure: no I/O. Vendor-order amounts are spread over its lines by largest
 * remainder, so lines always add up to the ledger:
 * - total: the ledger's sale, in proportion to Medusa's exact line totals;
 * - refunded: returned items first (line total × returned ÷ quantity, as the
 *   return refunded them), the rest (rejection, cancellation, operator
 *   refunds) in proportion to what is left of each line;
 * - commission: the ledger's net commission, in proportion to each line's
 *   own commission scaled by what is left of the line.
 *
 * Facts are integer minor units (the rollups add them up in SQL): amounts
 * are converted once with toMinor (exact, half-even) and from then on only
 * integers are added and split, which JS numbers do exactly; shares are
 * computed with MathBN.
 */
export function salesFactRows(sources: SalesFactSources): FactRow[] {
  const headVendorOrder = new Map<string, string>()
  for (const s of sources.siblings) {
    const head = headVendorOrder.get(s.order_id)
    if (head === undefined || s.id < head) headVendorOrder.set(s.order_id, s.id)
  }
  const commissionOf = new Map(sources.commission_lines.map((c) => [`${c.vendor_order_id}:${c.reference_id}`, rawAmount(c, "amount")]))
  const postingsOf = new Map<string, SalesFactSources["postings"]>()
  for (const p of sources.postings) {
    if (!p.vendor_order_id) continue
    postingsOf.set(p.vendor_order_id, [...(postingsOf.get(p.vendor_order_id) ?? []), p])
  }

  const rows: FactRow[] = []
  for (const vo of sources.vendor_orders) {
    const cur = vo.currency_code
    const sums: LedgerSums = { sale: 0, refund: 0, commission: 0, commission_reversal: 0 }
    let hasSale = false
    for (const p of postingsOf.get(vo.id) ?? []) {
      if (isSummed(p.type)) sums[p.type] += toMinor(rawAmount(p, "amount"), cur)
      if (p.type === "sale") hasSale = true
    }
    const items = [...vo.items].sort((a, b) => a.id.localeCompare(b.id))
    const shipping = [...vo.shipping_methods].sort((a, b) => a.id.localeCompare(b.id))
    const all = [
      ...items.map((i) => ({
        kind: "item" as const,
        id: i.id,
        ref: i.line_item_id,
        total: MathBN.convert(rawAmount(i, "total")),
        discount: MathBN.convert(rawAmount(i, "discount_total")),
        tax: MathBN.convert(rawAmount(i, "tax_total")),
        quantity: MathBN.convert(i.quantity).toNumber(),
        product_id: i.product_id ?? null,
        variant_id: i.variant_id ?? null,
      })),
      ...shipping.map((s) => ({
        kind: "shipping" as const,
        id: s.id,
        ref: s.shipping_method_id,
        total: MathBN.convert(rawAmount(s, "total")),
        discount: MathBN.convert(rawAmount(s, "discount_total")),
        tax: MathBN.convert(rawAmount(s, "tax_total")),
        quantity: 0,
        product_id: null,
        variant_id: null,
      })),
    ]
    if (!all.length) continue
    const saleMinor = hasSale
      ? sums.sale
      : toMinor(
          all.reduce((a, l) => a.plus(l.total), MathBN.convert(0)),
          cur
        )
    const totals = allocateMinor(
      saleMinor,
      all.map((l) => l.total)
    )
    const discounts = allocateRounded(
      all.map((l) => l.discount),
      cur
    ).map((d) => toMinor(d, cur))
    const taxes = allocateRounded(
      all.map((l) => l.tax),
      cur
    ).map((t) => toMinor(t, cur))

    // Refunds: returned items first, then the rest in proportion to what is left.
    const refundedMinor = Math.min(-sums.refund, saleMinor)
    const returnedQty = all.map((l) => (l.kind === "item" ? Math.min(sources.returned_quantities.get(l.ref) ?? 0, l.quantity) : 0))
    let returnShares = all.map((l, i) =>
      l.quantity ? MathBN.convert(totals[i]).times(returnedQty[i]).div(l.quantity).decimalPlaces(0, 6).toNumber() : 0
    )
    const returnSum = returnShares.reduce((a, b) => a + b, 0)
    if (returnSum > refundedMinor) returnShares = allocateMinor(refundedMinor, returnShares)
    const rest = refundedMinor - Math.min(returnSum, refundedMinor)
    const restShares = allocateMinor(
      rest,
      all.map((_, i) => totals[i] - returnShares[i])
    )
    const refunds = all.map((_, i) => returnShares[i] + restShares[i])

    // Commission: the ledger's net, by each line's own commission and what is left of the line.
    const netCommission = -(sums.commission + sums.commission_reversal)
    const own = all.map((l) => toMinor(commissionOf.get(`${vo.id}:${l.ref}`) ?? 0, cur))
    const kept = all.map((_, i) =>
      totals[i]
        ? MathBN.convert(own[i])
            .times(totals[i] - refunds[i])
            .div(totals[i])
        : MathBN.convert(0)
    )
    const weights = kept.some((k) => !k.isZero()) ? kept : own.some((o) => o) ? own : totals
    const commissions = allocateMinor(netCommission, weights)

    const hasReturn = returnedQty.some((q) => q > 0)
    const voHead = all[0].id
    all.forEach((l, i) => {
      const product = l.product_id ? sources.products.get(l.product_id) : undefined
      const categories = [...(product?.category_ids ?? [])].sort()
      rows.push({
        line_key: l.id,
        line_type: l.kind,
        order_id: vo.order_id,
        vendor_order_id: vo.id,
        vendor_id: vo.vendor_id,
        product_id: l.product_id,
        variant_id: l.variant_id,
        category_id: categories[0] ?? null,
        collection_id: product?.collection_id ?? null,
        customer_id: vo.customer_id ?? null,
        company_id: sources.companies?.get(vo.order_id) ?? null,
        currency_code: cur,
        vendor_order_status: vo.status,
        is_order_head: l.id === voHead && headVendorOrder.get(vo.order_id) === vo.id,
        is_vendor_order_head: l.id === voHead,
        quantity: l.quantity,
        returned_quantity: returnedQty[i],
        has_return: hasReturn,
        total_minor: totals[i],
        discount_minor: discounts[i],
        tax_minor: taxes[i],
        refunded_minor: refunds[i],
        commission_minor: commissions[i],
        placed_at: new Date(vo.created_at),
        accepted_at: at(vo.accepted_at),
        shipped_at: at(vo.shipped_at),
        delivered_at: at(vo.delivered_at),
        canceled_at: at(vo.canceled_at ?? vo.rejected_at),
      })
    })
  }
  return rows
}
