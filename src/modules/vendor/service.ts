import type { Context } from "@medusajs/framework/types"
import {
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { Vendor, type VendorStatus } from "./models/vendor"
import { VendorMember } from "./models/vendor-member"
import { VendorInvite } from "./models/vendor-invite"
import { VendorOrder, type VendorOrderStatus } from "./models/vendor-order"
import { VendorOrderItem } from "./models/vendor-order-item"
import { VendorOrderShippingMethod } from "./models/vendor-order-shipping-method"
import { VendorOrderStatusChange } from "./models/vendor-order-status-change"
import type { SplitVendorOrder } from "./types"
import { stateConflict } from "../../utils/state-conflict"

/** pending → active | rejected; active ⇄ suspended. */
export const VENDOR_TRANSITIONS: Record<string, { from: VendorStatus[]; to: VendorStatus }> = {
  approve: { from: ["pending"], to: "active" },
  reject: { from: ["pending"], to: "rejected" },
  suspend: { from: ["active"], to: "suspended" },
  reinstate: { from: ["suspended"], to: "active" },
}
export type VendorTransition = keyof typeof VENDOR_TRANSITIONS

export function nextVendorStatus(current: VendorStatus, action: VendorTransition): VendorStatus {
  const transition = VENDOR_TRANSITIONS[action]
  if (!transition.from.includes(current)) {
    throw stateConflict(`Cannot ${action} a vendor that is ${current}.`)
  }
  return transition.to
}

export type VendorOrderAction = "accept" | "reject" | "cancel"

/**
 * The decisions a vendor takes on a vendor order. Fulfillment, shipping and
 * delivery are not listed: they advance the status from Medusa's own
 * fulfillment records (see advanceVendorOrderStatusStep).
 */
export const VENDOR_ORDER_TRANSITIONS: Record<VendorOrderAction, { from: VendorOrderStatus[]; to: VendorOrderStatus; at: string }> = {
  accept: { from: ["pending"], to: "accepted", at: "accepted_at" },
  reject: { from: ["pending"], to: "rejected", at: "rejected_at" },
  cancel: { from: ["pending", "accepted"], to: "canceled", at: "canceled_at" },
}

/** The status after `action`, or a 409 when the vendor order is not in a state that allows it. */
export function nextVendorOrderStatus(current: VendorOrderStatus, action: VendorOrderAction): VendorOrderStatus {
  const transition = VENDOR_ORDER_TRANSITIONS[action]
  if (!transition.from.includes(current)) {
    throw stateConflict(`Cannot ${action} a vendor order that is ${current}.`)
  }
  return transition.to
}

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

class VendorModuleService extends MedusaService({
  Vendor,
  VendorMember,
  VendorInvite,
  VendorOrder,
  VendorOrderItem,
  VendorOrderShippingMethod,
  VendorOrderStatusChange,
}) {
  /**
   * Creates the vendor orders of one master order, idempotently: vendors
   * that already have one for the order are skipped, and the unique
   * (order_id, vendor_id) index stops a racing duplicate. Each vendor's
   * display number comes from its order_sequence, incremented under a row
   * lock taken in id order (so concurrent splits cannot deadlock). Returns
   * the vendor orders created by this call ({id, vendor_id}).
   */
  @InjectTransactionManager()
  async createVendorOrdersForOrder(
    orderId: string,
    splits: SplitVendorOrder[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; vendor_id: string }[]> {
    const existing = await this.listVendorOrders({ order_id: orderId }, { select: ["vendor_id"] }, sharedContext)
    const done = new Set(existing.map((v: any) => v.vendor_id))
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

    const created: { id: string; vendor_id: string }[] = await (this.createVendorOrders as any)(
      missing.map(({ items, shipping_methods, ...order }) => ({
        ...order,
        order_id: orderId,
        display_id: displayId.get(order.vendor_id)!,
        status: "pending" as const,
      })) as any, // DML types amounts as number; BigNumber values are what it stores exactly
      sharedContext
    )
    const idOf = new Map(created.map((c: any) => [c.vendor_id, c.id]))
    await this.createVendorOrderItems(
      missing.flatMap((s) => s.items.map((i) => ({ ...i, vendor_order_id: idOf.get(s.vendor_id) }))) as any,
      sharedContext
    )
    const methods = missing.flatMap((s) =>
      s.shipping_methods.map((m) => ({ ...m, vendor_order_id: idOf.get(s.vendor_id) }))
    )
    if (methods.length) await this.createVendorOrderShippingMethods(methods as any, sharedContext)
    await this.createVendorOrderStatusChanges(
      created.map((c: any) => ({
        vendor_order_id: c.id,
        from_status: null,
        to_status: "pending",
        actor_type: "system" as const,
      })),
      sharedContext
    )
    return created.map((c: any) => ({ id: c.id, vendor_id: c.vendor_id }))
  }

  /** Removes vendor orders and their lines (the split's compensation). */
  @InjectTransactionManager()
  async deleteVendorOrdersWithLines(ids: string[], @MedusaContext() sharedContext: Context = {}) {
    const filter = { vendor_order_id: ids }
    const [items, methods, history] = await Promise.all([
      this.listVendorOrderItems(filter, { select: ["id"] }, sharedContext),
      this.listVendorOrderShippingMethods(filter, { select: ["id"] }, sharedContext),
      this.listVendorOrderStatusChanges(filter, { select: ["id"] }, sharedContext),
    ])
    await this.deleteVendorOrderItems(items.map((i) => i.id), sharedContext)
    await this.deleteVendorOrderShippingMethods(methods.map((m) => m.id), sharedContext)
    await this.deleteVendorOrderStatusChanges(history.map((h) => h.id), sharedContext)
    await this.deleteVendorOrders(ids, sharedContext)
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
      (
        await this.listVendors({ handle: { $like: `${base}%` } }, { select: ["handle"], withDeleted: false })
      ).map((v) => v.handle)
    )
    if (!taken.has(base)) return base
    for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`
  }
}

export default VendorModuleService
