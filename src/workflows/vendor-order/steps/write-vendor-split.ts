import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, generateEntityId, MathBN, MedusaError } from "@medusajs/framework/utils"
import type { SplitVendorOrder } from "../../../modules/vendor/types"
import type { ComputedCommissionLine } from "./compute-commissions"
import { buildSplitRows } from "../utils/split-rows"

export type WriteVendorSplitInput = {
  order_id: string
  /** Every vendor's part, with its commission_total (computeCommissionsStep). */
  splits: SplitVendorOrder[]
  lines: ComputedCommissionLine[]
  /**
   * The storefront checkout: refuse (NOT_ALLOWED, nothing written) when a
   * vendor is no longer active. Checked under the vendor rows' locks, so a
   * suspension that committed after the complete route's pre-check (while
   * Medusa was completing the cart) is seen, and one that comes later waits
   * for this transaction and finds the vendor order made. The order.placed
   * split of orders made elsewhere (draft orders) leaves it off: that money
   * is already taken and the vendor order must exist for the operator.
   */
  require_active_vendors?: boolean
}

/**
 * Writes a split, all or nothing, in ONE PostgreSQL transaction on the
 * shared connection (decision 48): the vendors' display numbers, the vendor
 * orders with their items, shipping methods and first status, their
 * commission lines and their sale and commission ledger rows. The three
 * modules' tables live in one database, but Medusa gives each module its own
 * ORM context and no transaction spans two of them, so the rows are written
 * here with the modules' column layout (see buildSplitRows); the modules
 * keep every read and every later change.
 *
 * Idempotent: vendors that already have a vendor order for the order are
 * skipped (the split lock serialises splits of one order, and the unique
 * (order_id, vendor_id) index stops a racing duplicate, which then rolls the
 * whole transaction back). Display numbers come from vendor.order_sequence
 * under row locks taken in id order, as before.
 *
 * Compensation (a later step of the workflow failed after the commit):
 * also one transaction. The vendor orders, their lines and commission lines
 * are soft-deleted, and each ledger row the split posted is reversed by a
 * new row (the ledger is append-only): sale by a `refund`, commission by a
 * `commission_reversal`, so the vendor order's rows sum to exactly 0.
 */
export const writeVendorSplitStep = createStep(
  "write-vendor-split",
  async (input: WriteVendorSplitInput, { container }) => {
    const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const created = await knex.transaction(async (trx: any) => {
      const existing: { vendor_id: string }[] = await trx("vendor_order")
        .select("vendor_id")
        .where({ order_id: input.order_id })
        .whereNull("deleted_at")
      const done = new Set(existing.map((e) => e.vendor_id))
      const missing = [...new Set(input.splits.map((s) => s.vendor_id).filter((v) => !done.has(v)))].sort()
      if (!missing.length) return []

      const { rows: numbers } = await trx.raw(
        `with locked as (select id from vendor where id in (${missing.map(() => "?").join(", ")}) order by id for update)
         update vendor v set order_sequence = v.order_sequence + 1 from locked
          where v.id = locked.id returning v.id, v.order_sequence, v.status, v.name`,
        missing
      )
      const inactive = input.require_active_vendors ? numbers.find((n: any) => n.status !== "active") : null
      if (inactive) {
        // Thrown inside the transaction: nothing is written, and the checkout compensates Medusa's completion.
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Vendor ${inactive.name} stopped selling while the order was being placed; nothing was charged. Remove its items from the cart to complete the order.`
        )
      }
      const rows = buildSplitRows({
        order_id: input.order_id,
        splits: input.splits,
        missing: new Set(missing),
        display_ids: new Map(numbers.map((n: any) => [n.id, Number(n.order_sequence)])),
        lines: input.lines,
      })
      // Every insert in one statement (data-modifying CTEs): one round trip.
      const parts = rows.tables.filter((t) => t.rows.length).map((t) => trx(t.table).insert(t.rows).toSQL())
      await trx.raw(
        `with ${parts.map((p: any, i: number) => `w${i} as (${p.sql})`).join(", ")} select 1`,
        parts.flatMap((p: any) => p.bindings)
      )
      return rows.created
    })
    return new StepResponse(created as { id: string; vendor_id: string }[], { vendor_order_ids: created.map((c: any) => c.id) })
  },
  async (data, { container }) => {
    const ids = data?.vendor_order_ids
    if (!ids?.length) return
    const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    await knex.transaction(async (trx: any) => {
      const posted: any[] = await trx("vendor_transaction")
        .select(
          "id",
          "vendor_id",
          "type",
          "amount",
          "raw_amount",
          "currency_code",
          "order_id",
          "vendor_order_id",
          "reference",
          "available_at"
        )
        .whereIn("vendor_order_id", ids)
        .whereIn("type", ["sale", "commission"])
        .whereNull("deleted_at")
      // A zero row (a free order's sale) has nothing to reverse.
      const reversals = posted
        .filter((t) => !MathBN.eq(t.raw_amount?.value ?? t.amount, 0))
        .map((t) => {
          const value = MathBN.convert(t.raw_amount?.value ?? t.amount)
            .negated()
            .toFixed()
          return {
            id: generateEntityId(undefined, "vtx"),
            vendor_id: t.vendor_id,
            type: t.type === "sale" ? "refund" : "commission_reversal",
            amount: value,
            raw_amount: JSON.stringify({ value, precision: 20 }),
            currency_code: t.currency_code,
            order_id: t.order_id,
            vendor_order_id: t.vendor_order_id,
            reference: t.reference,
            note: "The checkout split was rolled back",
            available_at: t.available_at,
            idempotency_key: `split_rollback:${t.id}`,
          }
        })
      const statements = [
        ...["vendor_order_item", "vendor_order_shipping_method", "vendor_order_status_change"].map((table) =>
          trx(table).update({ deleted_at: trx.fn.now() }).whereIn("vendor_order_id", ids).whereNull("deleted_at").toSQL()
        ),
        trx("commission_line").update({ deleted_at: trx.fn.now() }).whereIn("vendor_order_id", ids).whereNull("deleted_at").toSQL(),
        trx("vendor_order").update({ deleted_at: trx.fn.now() }).whereIn("id", ids).whereNull("deleted_at").toSQL(),
      ]
      if (reversals.length) {
        // A compensation that runs twice posts each reversal once.
        statements.push(trx("vendor_transaction").insert(reversals).onConflict().ignore().toSQL())
      }
      await trx.raw(
        `with ${statements.map((p: any, i: number) => `w${i} as (${p.sql})`).join(", ")} select 1`,
        statements.flatMap((p: any) => p.bindings)
      )
    })
  }
)
