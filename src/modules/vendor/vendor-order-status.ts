import { stateConflict } from "../../lib/errors/state-conflict"
import { VENDOR_ORDER_STATUSES, type VendorOrderStatus } from "./models/vendor-order"

/**
 * The vendor order's state machine, in one place (decisions 20 and 45):
 *
 *   pending → accepted | rejected | canceled   (the vendor's decisions)
 *   accepted → canceled                        (nothing fulfilled yet)
 *   accepted → fulfilled → shipped → delivered (from Medusa's fulfillments;
 *                                               a step may skip ahead)
 *
 * rejected, canceled and delivered are final. Pure: the service's
 * compare-and-set (moveVendorOrderStatus) and the steps take their `from`
 * and `to` from here.
 */
export { VENDOR_ORDER_STATUSES, type VendorOrderStatus }

/** The decisions a vendor (or an operator) takes on a vendor order. */
export type VendorOrderAction = "accept" | "reject" | "cancel"

export type VendorOrderStampColumn = "accepted_at" | "rejected_at" | "fulfilled_at" | "shipped_at" | "delivered_at" | "canceled_at"

/**
 * Each decision: the statuses it is allowed from, the status it leads to
 * and the time column it stamps. Fulfillment, shipping and delivery are not
 * decisions: see VENDOR_ORDER_PROGRESS.
 */
export const VENDOR_ORDER_TRANSITIONS: Record<
  VendorOrderAction,
  { from: VendorOrderStatus[]; to: VendorOrderStatus; at: VendorOrderStampColumn }
> = {
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

export type VendorOrderProgressStatus = "fulfilled" | "shipped" | "delivered"

/**
 * The fulfillment-driven statuses, in order, each with the quantity of
 * Medusa's order item detail every vendor item must reach in full, and the
 * column it stamps.
 */
export const VENDOR_ORDER_PROGRESS: readonly {
  status: VendorOrderProgressStatus
  quantity: "fulfilled_quantity" | "shipped_quantity" | "delivered_quantity"
  at: VendorOrderStampColumn
}[] = [
  { status: "fulfilled", quantity: "fulfilled_quantity", at: "fulfilled_at" },
  { status: "shipped", quantity: "shipped_quantity", at: "shipped_at" },
  { status: "delivered", quantity: "delivered_quantity", at: "delivered_at" },
]

/** How far along the fulfillment path a status is; statuses off the path are absent. */
const PROGRESS_RANK: Partial<Record<VendorOrderStatus, number>> = { accepted: 0, fulfilled: 1, shipped: 2, delivered: 3 }

/** Whether fulfillment can move a vendor order in this status (accepted or further, not final-by-decision). */
export function isOnFulfillmentPath(status: VendorOrderStatus): boolean {
  return PROGRESS_RANK[status] !== undefined
}

/**
 * The compare-and-set that moves a vendor order forward to `target`: from
 * any status on the path below it, stamping every progress status passed
 * on the way from `current` (only where still empty: keep_stamps). Null
 * when `target` is not ahead of `current` (never backwards).
 */
export function progressMove(
  current: VendorOrderStatus,
  target: VendorOrderProgressStatus,
  at: Date
): { from: VendorOrderStatus[]; to: VendorOrderProgressStatus; stamps: Partial<Record<VendorOrderStampColumn, Date>> } | null {
  const base = PROGRESS_RANK[current] ?? -1
  const goal = PROGRESS_RANK[target]!
  if (goal <= base) return null
  const stamps: Partial<Record<VendorOrderStampColumn, Date>> = {}
  for (const p of VENDOR_ORDER_PROGRESS) {
    const rank = PROGRESS_RANK[p.status]!
    if (rank > base && rank <= goal) stamps[p.at] = at
  }
  const from = VENDOR_ORDER_STATUSES.filter((s) => (PROGRESS_RANK[s] ?? Infinity) < goal)
  return { from, to: target, stamps }
}

/** A return needs goods that left the vendor (an accepted order may have shipped some). */
export const VENDOR_ORDER_RETURNABLE: readonly VendorOrderStatus[] = ["accepted", "fulfilled", "shipped", "delivered"]

/** The live path, in order: what the master order's status compares along. */
export const VENDOR_ORDER_LIFECYCLE: readonly VendorOrderStatus[] = ["pending", "accepted", "fulfilled", "shipped", "delivered"]

/**
 * The master order's marketplace status, derived from its vendor orders.
 * When every live part (not rejected or canceled) has the same status, that
 * is it; otherwise the most advanced one, as `partially_<status>` (e.g. one
 * vendor shipped, another only accepted: partially_shipped). All parts
 * rejected or canceled: canceled. No vendor orders: not_split.
 */
export function marketplaceStatus(statuses: string[]): string {
  if (!statuses.length) return "not_split"
  const live = statuses.filter((s) => s !== "rejected" && s !== "canceled")
  if (!live.length) return "canceled"
  const rank = (s: string) => VENDOR_ORDER_LIFECYCLE.findIndex((l) => l === s)
  const most = Math.max(...live.map(rank))
  return live.every((s) => s === live[0]) ? live[0] : `partially_${VENDOR_ORDER_LIFECYCLE[most]}`
}

/** The time columns a status change may stamp (the service's SQL only writes these). */
export const VENDOR_ORDER_STAMP_COLUMNS: ReadonlySet<string> = new Set<VendorOrderStampColumn>([
  "accepted_at",
  "rejected_at",
  "fulfilled_at",
  "shipped_at",
  "delivered_at",
  "canceled_at",
])
