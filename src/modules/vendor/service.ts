import type { BigNumberInput, Context, InferTypeOf } from "@medusajs/framework/types"
import {
  BigNumber,
  InjectManager,
  InjectTransactionManager,
  MathBN,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { Vendor } from "./models/vendor"
import { VendorMember } from "./models/vendor-member"
import { VendorInvite } from "./models/vendor-invite"
import { VendorOrder, type VendorOrderStatus } from "./models/vendor-order"
import { VendorOrderItem } from "./models/vendor-order-item"
import { VendorOrderShippingMethod } from "./models/vendor-order-shipping-method"
import { VendorOrderStatusChange } from "./models/vendor-order-status-change"
import type { SplitVendorOrder } from "./types"
import { VENDOR_ORDER_STAMP_COLUMNS } from "./vendor-order-status"
import { columnAmounts } from "../../lib/money"
import { stateConflict } from "../../lib/errors/state-conflict"
import type { VendorRole } from "./models/vendor-member"

/** URL-safe handle from a name: "Müller & Söhne GmbH" → "muller-sohne-gmbh". */
export function handleFromName(name: string): string {
  const handle = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
  return handle || "vendor"
}

/** A member without its relation, and its vendor (null when soft-deleted): what vendorAuth puts on the request. */
export type MemberWithVendor = {
  member: Omit<InferTypeOf<typeof VendorMember>, "vendor">
  vendor: Omit<InferTypeOf<typeof Vendor>, "members" | "invites" | "orders"> | null
}

type MemberRead = { sql: string; build: (row: Record<string, unknown>) => MemberWithVendor }

/**
 * vendorAuth's member-and-vendor select, from the ORM metadata of both
 * models: every persisted column (scalars and the vendor_id foreign key) in
 * the models' property order, aliased m0…, v0… so the two tables' equal
 * names cannot clash.
 */
function memberReadOf(manager: SqlEntityManager): MemberRead {
  const metadata = manager.getMetadata()
  const columns = (entity: string) =>
    metadata
      .find(entity)!
      .props.filter((p) => p.persist !== false && (p.kind === "scalar" || p.kind === "m:1"))
      .map((p) => ({ key: p.name, column: p.fieldNames[0] }))
  const member = columns("VendorMember")
  const vendor = columns("Vendor")
  const vendorId = `v${vendor.findIndex((c) => c.key === "id")}`
  const sql = `select ${[...member.map((c, i) => `m.${c.column} as m${i}`), ...vendor.map((c, i) => `v.${c.column} as v${i}`)].join(", ")}
    from vendor_member m left join vendor v on v.id = m.vendor_id and v.deleted_at is null
   where m.id = ? and m.deleted_at is null`
  return {
    sql,
    build: (row) => {
      const found = row[vendorId] !== null && row[vendorId] !== undefined
      return {
        // The row's values under the models' names: the types InferTypeOf gives them (pg parses dates, JSON, numbers).
        member: Object.fromEntries(member.map((c, i) => [c.key, row[`m${i}`]])) as MemberWithVendor["member"],
        vendor: found ? (Object.fromEntries(vendor.map((c, i) => [c.key, row[`v${i}`]])) as NonNullable<MemberWithVendor["vendor"]>) : null,
      }
    },
  }
}

export const LAST_OWNER_MESSAGE = "The last owner cannot be removed or demoted; make another member owner first."

class VendorModuleService extends MedusaService({
  Vendor,
  VendorMember,
  VendorInvite,
  VendorOrder,
  VendorOrderItem,
  VendorOrderShippingMethod,
  VendorOrderStatusChange,
}) {
  private memberRead_?: MemberRead

  /**
   * Creates the vendor orders of one master order, idempotently: vendors
   * that already have one for the order are skipped, and the unique
   * (order_id, vendor_id) index stops a racing duplicate. Each vendor's
   * display number comes from its order_sequence, incremented under a row
   * lock taken in id order (so concurrent splits cannot deadlock). Returns
   * the vendor orders created by this call ({id, vendor_id}).
   *
   * Not the checkout's path: the split writes its rows with the commission
   * lines and ledger rows in one transaction (writeVendorSplitStep, decision
   * 48). Kept for the module's property tests, which create vendor orders
   * through the module alone.
   */
  /**
   * Changes a member's role (or, with "remove", soft-deletes the member) so
   * that the vendor keeps an owner: the vendor row is locked (SELECT … FOR
   * UPDATE) for the count and the write, so two owners demoting or removing
   * each other at the same moment cannot both succeed (the second sees the
   * first's change and gets 409). The workflow's guard step answers the
   * common case earlier; this is the check that holds under concurrency.
   * Returns the member as it was before.
   */
  /**
   * Names of vendors by id, deleted ones included (analytics lists): one
   * plain select, without loading entities (200 vendors through the ORM
   * cost ~45 ms of a vendor-performance page at 1M facts).
   */
  @InjectManager()
  async vendorNames(ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<Map<string, string>> {
    if (!ids.length) return new Map()
    const manager = sharedContext.manager as SqlEntityManager
    const rows: { id: string; name: string }[] = await manager.execute(
      `select id, name from vendor where id in (${ids.map(() => "?").join(", ")})`,
      ids
    )
    return new Map(rows.map((r) => [r.id, r.name]))
  }

  /**
   * The member by id and its vendor, for the vendor routes' authentication
   * (vendorAuth, on every /vendor request): one indexed select of the
   * columns the ORM loads, read from the models' metadata, so the objects
   * are those of listVendorMembers({ id }, { relations: ["vendor"] }) (same
   * keys in the same order, dates as Date, JSON parsed), without building
   * entities. Null when there is no such member or it was removed
   * (soft-deleted); `vendor` null when its vendor is soft-deleted. Read from
   * the database on every call, never cached: a removed member or a
   * suspended vendor shows on the next request.
   */
  @InjectManager()
  async memberWithVendor(memberId: string, @MedusaContext() sharedContext: Context = {}): Promise<MemberWithVendor | null> {
    const manager = sharedContext.manager as SqlEntityManager
    const read = (this.memberRead_ ??= memberReadOf(manager))
    const [row]: Record<string, unknown>[] = await manager.execute(read.sql, [memberId])
    return row ? read.build(row) : null
  }

  /** Vendor orders by status, for the operator's metrics (one grouped count). */
  @InjectManager()
  async countVendorOrdersByStatus(@MedusaContext() sharedContext: Context = {}): Promise<Record<string, number>> {
    const manager = sharedContext.manager as SqlEntityManager
    const rows: { status: string; count: number }[] = await manager.execute(
      `select status, count(*)::int as count from vendor_order where deleted_at is null group by status`
    )
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.count)]))
  }

  @InjectTransactionManager()
  async changeMemberKeepingAnOwner(
    vendorId: string,
    memberId: string,
    change: { role: VendorRole } | "remove",
    @MedusaContext() sharedContext: Context = {}
  ) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    await manager.execute(`select id from vendor where id = ? for update`, [vendorId])
    const [member] = await this.listVendorMembers({ id: memberId, vendor_id: vendorId }, { take: 1 }, sharedContext)
    if (!member) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Member with id: ${memberId} was not found`)
    if (member.role === "owner" && (change === "remove" || change.role !== "owner")) {
      const owners = await this.listVendorMembers({ vendor_id: vendorId, role: "owner" }, { select: ["id"] }, sharedContext)
      if (owners.length <= 1) throw stateConflict(LAST_OWNER_MESSAGE)
    }
    if (change === "remove") await this.softDeleteVendorMembers([memberId], {}, sharedContext)
    else await this.updateVendorMembers({ id: memberId, role: change.role }, sharedContext)
    return member
  }

  @InjectTransactionManager()
  async createVendorOrdersForOrder(
    orderId: string,
    splits: SplitVendorOrder[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; vendor_id: string }[]> {
    const existing = await this.listVendorOrders({ order_id: orderId }, { select: ["vendor_id"] }, sharedContext)
    const done = new Set(existing.map((v) => v.vendor_id))
    const missing = splits.filter((s) => !done.has(s.vendor_id))
    if (!missing.length) return []

    const manager = sharedContext.transactionManager as SqlEntityManager
    const vendorIds = missing.map((s) => s.vendor_id)
    const numbers: { id: string; order_sequence: number }[] = await manager.execute(
      `with locked as (select id from vendor where id in (${vendorIds.map(() => "?").join(", ")}) order by id for update)
       update vendor v set order_sequence = v.order_sequence + 1 from locked
       where v.id = locked.id returning v.id, v.order_sequence`,
      vendorIds
    )
    const displayId = new Map(numbers.map((n) => [n.id, Number(n.order_sequence)]))

    const created = await this.createVendorOrders(
      missing.map(({ items, shipping_methods, ...order }) => ({
        ...columnAmounts(order),
        order_id: orderId,
        display_id: displayId.get(order.vendor_id)!,
        status: "pending" as const,
      })),
      sharedContext
    )
    const idOf = new Map(created.map((c) => [c.vendor_id, c.id]))
    await this.createVendorOrderItems(
      missing.flatMap((s) => s.items.map((i) => ({ ...columnAmounts(i), vendor_order_id: idOf.get(s.vendor_id) }))),
      sharedContext
    )
    const methods = missing.flatMap((s) => s.shipping_methods.map((m) => ({ ...columnAmounts(m), vendor_order_id: idOf.get(s.vendor_id) })))
    if (methods.length) await this.createVendorOrderShippingMethods(methods, sharedContext)
    await this.createVendorOrderStatusChanges(
      created.map((c) => ({
        vendor_order_id: c.id,
        from_status: null,
        to_status: "pending",
        actor_type: "system" as const,
      })),
      sharedContext
    )
    return created.map((c) => ({ id: c.id, vendor_id: c.vendor_id }))
  }

  /**
   * Compare-and-set of a vendor order's status: the row is locked (SELECT …
   * FOR UPDATE), and only if its status is one of `from` is it moved to `to`
   * with `stamps` (set, or with `keep_stamps` only where still empty) and a
   * status history row, all in one transaction. Two concurrent callers
   * cannot both pass from the same status: the second waits for the lock
   * and then sees the new status. Returns changed: false (and the current
   * status) otherwise; callers turn that into a 409 or a no-op.
   */
  @InjectTransactionManager()
  async moveVendorOrderStatus(
    id: string,
    change: {
      from: VendorOrderStatus[]
      to: VendorOrderStatus
      stamps?: Record<string, Date | null>
      keep_stamps?: boolean
      status_reason?: string | null
      actor_type: "vendor" | "user" | "customer" | "system"
      actor_id?: string | null
      reason?: string | null
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<
    | { changed: false; status: VendorOrderStatus }
    | { changed: true; status: VendorOrderStatus; from: VendorOrderStatus; previous: Record<string, unknown>; history_id: string }
  > {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const [row] = await manager.execute(`select * from vendor_order where id = ? and deleted_at is null for update`, [id])
    if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Vendor order with id: ${id} was not found`)
    if (!change.from.includes(row.status)) return { changed: false, status: row.status }
    const stamps = change.stamps ?? {}
    const columns = Object.keys(stamps).filter((c) => VENDOR_ORDER_STAMP_COLUMNS.has(c))
    const sets = ["status = ?", "updated_at = now()"]
    const params: unknown[] = [change.to]
    for (const c of columns) {
      sets.push(change.keep_stamps ? `"${c}" = coalesce("${c}", ?)` : `"${c}" = ?`)
      params.push(stamps[c])
    }
    if (change.status_reason !== undefined) {
      sets.push("status_reason = ?")
      params.push(change.status_reason)
    }
    await manager.execute(`update vendor_order set ${sets.join(", ")} where id = ?`, [...params, id])
    const history = await this.createVendorOrderStatusChanges(
      {
        vendor_order_id: id,
        from_status: row.status,
        to_status: change.to,
        actor_type: change.actor_type,
        actor_id: change.actor_id ?? null,
        reason: change.reason ?? null,
      },
      sharedContext
    )
    const previous: Record<string, unknown> = { status_reason: row.status_reason }
    for (const c of columns) previous[c] = row[c] ?? null
    return { changed: true, status: change.to, from: row.status, previous, history_id: history.id }
  }

  /**
   * Undoes moveVendorOrderStatus (workflow compensation), only if the vendor
   * order still has the status that move gave it: restores the previous
   * status and stamps and removes the history row.
   */
  @InjectTransactionManager()
  async revertVendorOrderStatus(
    id: string,
    undo: { expected: VendorOrderStatus; status: VendorOrderStatus; previous: Record<string, unknown>; history_id: string },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const [row] = await manager.execute(`select status from vendor_order where id = ? for update`, [id])
    if (!row || row.status !== undo.expected) return false
    const columns = Object.keys(undo.previous).filter((c) => VENDOR_ORDER_STAMP_COLUMNS.has(c) || c === "status_reason")
    await manager.execute(
      `update vendor_order set status = ?, updated_at = now()${columns.map((c) => `, "${c}" = ?`).join("")} where id = ?`,
      [undo.status, ...columns.map((c) => undo.previous[c] ?? null), id]
    )
    await this.deleteVendorOrderStatusChanges([undo.history_id], sharedContext)
    return true
  }

  /**
   * The refund gate's write (see reserveVendorOrderRefundStep). Under a row
   * lock on the vendor order, computes what is left to refund on it
   * (total − refunded_total) and, when `payment_left` is given, on the
   * payment, and adds the reserved amount to refunded_total:
   * - `exact`: exactly `amount`, or a 400 when it is not positive or more
   *   than is left (nothing written);
   * - `up_to`: `amount` (everything left when null) capped by what is left,
   *   possibly 0.
   * Returns the amount reserved and refunded_total after it.
   */
  @InjectTransactionManager()
  async reserveVendorOrderRefund(
    id: string,
    request: { amount: BigNumberInput | null; mode: "exact" | "up_to"; payment_left?: BigNumberInput | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ vendor_order_id: string; amount: BigNumber; refunded_total: BigNumber; left_before: BigNumber }> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const [row] = await manager.execute(
      `select id, raw_total->>'value' as total, raw_refunded_total->>'value' as refunded_total
         from vendor_order where id = ? and deleted_at is null for update`,
      [id]
    )
    if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Vendor order with id: ${id} was not found`)
    const refunded = MathBN.convert(row.refunded_total ?? 0)
    const voLeft = MathBN.max(MathBN.sub(row.total, refunded), 0)
    const paymentLeft = request.payment_left == null ? null : MathBN.max(MathBN.convert(request.payment_left), 0)
    const left = paymentLeft && MathBN.lt(paymentLeft, voLeft) ? paymentLeft : voLeft
    let amount: any
    if (request.mode === "exact") {
      if (request.amount == null || !MathBN.gt(request.amount, 0)) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, "A refund must be a positive amount.")
      }
      if (MathBN.gt(request.amount, voLeft)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Cannot refund ${new BigNumber(request.amount).numeric}: only ${new BigNumber(voLeft).numeric} of this vendor order is left to refund.`
        )
      }
      if (paymentLeft && MathBN.gt(request.amount, paymentLeft)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Cannot refund ${new BigNumber(request.amount).numeric}: only ${new BigNumber(paymentLeft).numeric} of the order's payment is left to refund.`
        )
      }
      amount = MathBN.convert(request.amount)
    } else {
      const wanted = request.amount == null ? left : MathBN.max(MathBN.convert(request.amount), 0)
      amount = MathBN.lt(wanted, left) ? wanted : left
    }
    const after = MathBN.add(refunded, amount)
    if (MathBN.gt(amount, 0)) {
      await manager.execute(
        `update vendor_order set refunded_total = ?::numeric, raw_refunded_total = jsonb_build_object('value', ?::text, 'precision', 20), updated_at = now() where id = ?`,
        [after.toFixed(), after.toFixed(), id]
      )
    }
    return { vendor_order_id: id, amount: new BigNumber(amount), refunded_total: new BigNumber(after), left_before: new BigNumber(voLeft) }
  }

  /** Gives back a reservation (compensation of the refund gate), never below 0. */
  @InjectTransactionManager()
  async releaseVendorOrderRefund(id: string, amount: BigNumberInput, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const [row] = await manager.execute(`select raw_refunded_total->>'value' as refunded_total from vendor_order where id = ? for update`, [
      id,
    ])
    if (!row) return
    const after = MathBN.max(MathBN.sub(row.refunded_total ?? 0, amount), 0)
    await manager.execute(
      `update vendor_order set refunded_total = ?::numeric, raw_refunded_total = jsonb_build_object('value', ?::text, 'precision', 20), updated_at = now() where id = ?`,
      [after.toFixed(), after.toFixed(), id]
    )
  }

  /** 400 when another live vendor already has the handle. */
  async assertHandleFree(handle: string, exceptVendorId?: string): Promise<void> {
    const [taken] = await this.listVendors({ handle }, { select: ["id"] })
    if (taken && taken.id !== exceptVendorId) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `The handle "${handle}" is taken.`)
    }
  }

  /** The handle itself if free, otherwise the first free handle-2, handle-3, … */
  async findFreeHandle(base: string): Promise<string> {
    const taken = new Set(
      (await this.listVendors({ handle: { $like: `${base}%` } }, { select: ["handle"], withDeleted: false })).map((v) => v.handle)
    )
    if (!taken.has(base)) return base
    for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`
  }
}

export default VendorModuleService
