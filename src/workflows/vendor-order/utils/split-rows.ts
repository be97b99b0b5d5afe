import { generateEntityId, MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { CommissionLine } from "../../../modules/commission/models/commission-line"
import { VendorTransaction } from "../../../modules/ledger/models/vendor-transaction"
import { splitPostings } from "../../../modules/ledger/postings"
import { VendorOrder } from "../../../modules/vendor/models/vendor-order"
import { VendorOrderItem } from "../../../modules/vendor/models/vendor-order-item"
import { VendorOrderShippingMethod } from "../../../modules/vendor/models/vendor-order-shipping-method"
import { VendorOrderStatusChange } from "../../../modules/vendor/models/vendor-order-status-change"
import type { SplitVendorOrder } from "../../../modules/vendor/types"
import type { ComputedCommissionLine } from "../steps/compute-commissions"

/**
 * The rows one split writes, as plain table rows, so that they can be
 * inserted in one SQL statement (see writeVendorSplitStep). Pure: ids are
 * made here, display numbers are given.
 *
 * The column layout is not written down here: `modelRow` reads it from the
 * modules' DML models (the same definitions the migrations and the modules'
 * services use), so a column added to a model is either filled (nullable →
 * null, a default → the default) or, when it is required, makes the split
 * throw (the unit test fails) instead of being forgotten.
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

type DmlModel = { schema: Record<string, any>; parse(): { tableName: string } }

// Not taken from the values: deleted_at is null, and buildSplitRows stamps created_at and updated_at.
const IMPLICIT = new Set(["created_at", "updated_at", "deleted_at"])

/** How one stored column of a model is filled (modelRow's plan). */
type ColumnPlan =
  | { kind: "belongsTo"; name: string; column: string; nullable: boolean }
  | { kind: "id" | "bigNumber" | "json" | "plain"; name: string; nullable: boolean; defaultValue: unknown; prefix?: string }

/**
 * The stored columns of a model, read once per model: parsing a DML model and
 * its properties costs ~0.3 ms per row, which was ~10 ms of a 5-vendor
 * checkout's split (bench/RESULTS.md, session 15). Models do not change at
 * run time, so the plan is kept per model object.
 */
const plans = new WeakMap<DmlModel, { tableName: string; columns: ColumnPlan[] }>()
function planOf(entity: DmlModel) {
  let plan = plans.get(entity)
  if (plan) return plan
  const { tableName } = entity.parse()
  const columns: ColumnPlan[] = []
  for (const [name, property] of Object.entries(entity.schema)) {
    if (IMPLICIT.has(name)) continue
    if (typeof property.type === "string") {
      // A relation: only belongsTo has a column (its foreign key).
      if (property.type === "belongsTo") {
        columns.push({ kind: "belongsTo", name, column: `${name}_id`, nullable: !!property.parse(name).nullable })
      }
      continue
    }
    const meta = property.parse(name)
    if (meta.computed) continue
    const type: string = meta.dataType.name
    if (name.startsWith("raw_") && entity.schema[name.slice(4)]?.parse?.(name.slice(4)).dataType.name === "bigNumber") continue
    const kind = type === "id" || type === "bigNumber" || type === "json" ? type : "plain"
    columns.push({ kind, name, nullable: !!meta.nullable, defaultValue: meta.defaultValue, prefix: meta.dataType.options?.prefix })
  }
  plan = { tableName, columns }
  plans.set(entity, plan)
  return plan
}

/**
 * One table row of a DML model from `values` (the model's property names;
 * a belongsTo `x` as `x_id`). Every stored column of the model is visited:
 * a missing value takes the model's default, else null when nullable, else
 * it throws; a value for a column the model does not have throws too. The
 * id is made with the model's prefix unless given. BigNumbers become their
 * `x` + `raw_x` pair, json values JSON text.
 */
export function modelRow(entity: DmlModel, values: Record<string, unknown>): Record<string, unknown> {
  const { tableName, columns } = planOf(entity)
  const row: Record<string, unknown> = {}
  const used = new Set<string>()
  for (const c of columns) {
    if (c.kind === "belongsTo") {
      used.add(c.column)
      const value = values[c.column]
      if (value === undefined && !c.nullable) throw new Error(`${tableName}.${c.column} has no value`)
      row[c.column] = value ?? null
      continue
    }
    used.add(c.name)
    let value = values[c.name]
    if (c.kind === "id") value = generateEntityId(value as string | undefined, c.prefix)
    if (value === undefined) value = c.defaultValue
    if (value === undefined) {
      if (!c.nullable) throw new Error(`${tableName}.${c.name} has no value`)
      value = null
    }
    if (c.kind === "bigNumber") Object.assign(row, bigNumberColumns(c.name, value as BigNumberInput | null, c.nullable))
    else row[c.name] = c.kind === "json" && value !== null ? JSON.stringify(value) : value
  }
  const unknown = Object.keys(values).filter((k) => !used.has(k) && values[k] !== undefined)
  if (unknown.length) throw new Error(`${tableName} has no column ${unknown.join(", ")}`)
  return row
}

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
  // A new vendor order is pending (the model's default status); its first history row says so.
  const vendorOrders = todo.map(({ items, shipping_methods, ...s }) =>
    modelRow(VendorOrder, { ...s, display_id: input.display_ids.get(s.vendor_id), order_id: input.order_id })
  )
  const created = vendorOrders.map((vo) => ({ id: vo.id as string, vendor_id: vo.vendor_id as string }))
  const idOf = new Map(created.map((c) => [c.vendor_id, c.id]))

  const items = todo.flatMap((s) => s.items.map((i) => modelRow(VendorOrderItem, { ...i, vendor_order_id: idOf.get(s.vendor_id) })))
  const methods = todo.flatMap((s) =>
    s.shipping_methods.map((m) => modelRow(VendorOrderShippingMethod, { ...m, vendor_order_id: idOf.get(s.vendor_id) }))
  )
  const history = vendorOrders.map((vo) =>
    modelRow(VendorOrderStatusChange, { vendor_order_id: vo.id, from_status: null, to_status: vo.status, actor_type: "system" })
  )
  const commissionLines = input.lines
    .filter((l) => idOf.has(l.vendor_id))
    .map((l) => modelRow(CommissionLine, { ...l, order_id: input.order_id, vendor_order_id: idOf.get(l.vendor_id) }))

  // Vendor orders not created now (already split) still count in the cent allocation.
  const all = input.splits.map((s) => ({
    id: idOf.get(s.vendor_id) ?? `existing:${s.vendor_id}`,
    vendor_id: s.vendor_id,
    order_id: input.order_id,
    currency_code: s.currency_code,
    total: s.total,
    commission_total: s.commission_total ?? 0,
  }))
  const ledger = splitPostings(all, new Set(created.map((c) => c.id))).map((p) => modelRow(VendorTransaction, p))

  // Stamped by the application's clock, as Medusa stamps its own rows (its ORM sets created_at from `new Date()`), so a
  // vendor order, its history, commission and ledger rows carry the moment of the order they split, not the database's.
  const at = new Date()
  const table = (entity: DmlModel, rows: Record<string, unknown>[]) => ({
    table: planOf(entity).tableName,
    rows: rows.map((r) => ({ ...r, created_at: at, updated_at: at })),
  })
  return {
    created,
    // Parents before children (the foreign keys are checked at the end of the statement anyway).
    tables: [
      table(VendorOrder, vendorOrders),
      table(VendorOrderItem, items),
      table(VendorOrderShippingMethod, methods),
      table(VendorOrderStatusChange, history),
      table(CommissionLine, commissionLines),
      table(VendorTransaction, ledger),
    ],
  }
}
