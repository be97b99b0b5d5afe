import { generateEntityId, MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { splitPostings } from "../../../modules/ledger/postings"
import type { SplitVendorOrder } from "../../../modules/vendor/types"
import type { ComputedCommissionLine } from "../steps/compute-commissions"

/**
 * The rows one split writes, as plain table rows (the column layout of the
 * vendor, commission and ledger modules' models), so that they can be
 * inserted in one SQL statement (see writeVendorSplitStep). Pure: ids are
 * made here, display numbers are given.
 *
 * A BigNumber column is two columns in Medusa's data model: `x` (numeric)
 * and `raw_x` (jsonb `{value, precision}`), and Medusa reads `raw_x`. Both
 * get the exact decimal string, so nothing is rounded on the way in.
 */

export type SplitRows = {
  created: { id: string; vendor_id: string }[]
  tables: { table: string; rows: Record<string, unknown>[] }[]
}

/** `{x, raw_x}` for one BigNumber column (null stays null when `nullable`). */
export function bigNumberColumns(name: string, value: BigNumberInput | null | undefined, nullable = false): Record<string, unknown> {
  if (nullable && (value === null || value === undefined)) return { [name]: null, [`raw_${name}`]: null }
  const exact = MathBN.convert(value ?? 0).toFixed()
  return { [name]: exact, [`raw_${name}`]: JSON.stringify({ value: exact, precision: 20 }) }
}

const money = (row: Record<string, any>, names: string[]) =>
  Object.assign({}, ...names.map((n) => bigNumberColumns(n, row[n])))

export function buildSplitRows(input: {
  order_id: string
  /** Every vendor's part of the order (with its commission_total); the ledger's cent allocation needs them all. */
  splits: SplitVendorOrder[]
  /** The vendors to create a vendor order for (the others have one already). */
  missing: Set<string>
  display_ids: Map<string, number>
  lines: ComputedCommissionLine[]
}): SplitRows {
  const todo = input.splits.filter((s) => input.missing.has(s.vendor_id))
  const created = todo.map((s) => ({ id: generateEntityId(undefined, "vord"), vendor_id: s.vendor_id }))
  const idOf = new Map(created.map((c) => [c.vendor_id, c.id]))

  const vendorOrders = todo.map((s) => ({
    id: idOf.get(s.vendor_id),
    display_id: input.display_ids.get(s.vendor_id),
    order_id: input.order_id,
    vendor_id: s.vendor_id,
    status: "pending",
    currency_code: s.currency_code,
    customer_id: s.customer_id ?? null,
    email: s.email ?? null,
    ...money({ ...s, commission_total: s.commission_total ?? 0, refunded_total: 0 }, [
      "subtotal",
      "item_total",
      "shipping_total",
      "discount_total",
      "tax_total",
      "total",
      "commission_total",
      "refunded_total",
    ]),
  }))
  const items = todo.flatMap((s) =>
    s.items.map((i) => ({
      id: generateEntityId(undefined, "voitem"),
      vendor_order_id: idOf.get(s.vendor_id),
      line_item_id: i.line_item_id,
      product_id: i.product_id ?? null,
      variant_id: i.variant_id ?? null,
      title: i.title,
      variant_title: i.variant_title ?? null,
      sku: i.sku ?? null,
      thumbnail: i.thumbnail ?? null,
      ...money(i, ["quantity", "unit_price", "subtotal", "discount_total", "tax_total", "total"]),
    }))
  )
  const methods = todo.flatMap((s) =>
    s.shipping_methods.map((m) => ({
      id: generateEntityId(undefined, "vosm"),
      vendor_order_id: idOf.get(s.vendor_id),
      shipping_method_id: m.shipping_method_id,
      shipping_option_id: m.shipping_option_id ?? null,
      name: m.name,
      ...money(m, ["amount", "subtotal", "discount_total", "tax_total", "total"]),
    }))
  )
  const history = created.map((c) => ({
    id: generateEntityId(undefined, "vosc"),
    vendor_order_id: c.id,
    from_status: null,
    to_status: "pending",
    actor_type: "system",
  }))
  const commissionLines = input.lines
    .filter((l) => idOf.has(l.vendor_id))
    .map((l) => ({
      id: generateEntityId(undefined, "cline"),
      order_id: input.order_id,
      vendor_order_id: idOf.get(l.vendor_id),
      vendor_id: l.vendor_id,
      line_type: l.line_type,
      reference_id: l.reference_id,
      rule_id: l.rule_id,
      rule_name: l.rule_name,
      rate_type: l.rate_type,
      currency_code: l.currency_code,
      ...bigNumberColumns("rate_value", l.rate_value, true),
      ...money(l, ["quantity", "base_amount", "amount"]),
    }))

  // Vendor orders not created now (already split) still count in the cent allocation.
  const all = input.splits.map((s) => ({
    id: idOf.get(s.vendor_id) ?? `existing:${s.vendor_id}`,
    vendor_id: s.vendor_id,
    order_id: input.order_id,
    currency_code: s.currency_code,
    total: s.total,
    commission_total: s.commission_total ?? 0,
  }))
  const ledger = splitPostings(all, new Set(created.map((c) => c.id))).map((p) => ({
    id: generateEntityId(undefined, "vtx"),
    vendor_id: p.vendor_id,
    type: p.type,
    currency_code: p.currency_code,
    order_id: p.order_id ?? null,
    vendor_order_id: p.vendor_order_id ?? null,
    reference: p.reference ?? null,
    available_at: p.available_at ?? null,
    idempotency_key: p.idempotency_key,
    ...bigNumberColumns("amount", p.amount),
  }))

  return {
    created,
    // Parents before children (the foreign keys are checked at the end of the statement anyway).
    tables: [
      { table: "vendor_order", rows: vendorOrders },
      { table: "vendor_order_item", rows: items },
      { table: "vendor_order_shipping_method", rows: methods },
      { table: "vendor_order_status_change", rows: history },
      { table: "commission_line", rows: commissionLines },
      { table: "vendor_transaction", rows: ledger },
    ],
  }
}
