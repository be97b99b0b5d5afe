import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import type { VendorOrderActor } from "../types"

// Fulfillment-driven statuses, in order. Each needs every vendor item to
// have reached it in full, as Medusa's order item details count.
const PROGRESS = [
  { status: "fulfilled", quantity: "fulfilled_quantity", at: "fulfilled_at" },
  { status: "shipped", quantity: "shipped_quantity", at: "shipped_at" },
  { status: "delivered", quantity: "delivered_quantity", at: "delivered_at" },
] as const
const RANK: Record<string, number> = { accepted: 0, fulfilled: 1, shipped: 2, delivered: 3 }

type Undo = { id: string; expected: any; status: any; previous: Record<string, unknown>; history_id: string } | null

/**
 * After a fulfillment, shipment or delivery, moves the vendor order to the
 * furthest status that all of its items have reached (partial progress
 * leaves it where it is), stamping the times it passed and recording the
 * change with its actor. Never moves backwards; the move is a
 * compare-and-set (VendorModuleService.moveVendorOrderStatus). Compensation
 * restores it.
 */
export const advanceVendorOrderStatusStep = createStep(
  "advance-vendor-order-status",
  async (input: { vendor_order_id: string; actor: VendorOrderActor }, { container }) => {
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    const vo = await service.retrieveVendorOrder(input.vendor_order_id, { relations: ["items"] })
    if (!(vo.status in RANK)) return new StepResponse<string, Undo>(vo.status, null)

    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["items.id", "items.detail.fulfilled_quantity", "items.detail.shipped_quantity", "items.detail.delivered_quantity"],
      filters: { id: vo.order_id },
    })
    const detail = new Map<string, any>((data[0]?.items ?? []).map((i: any) => [i.id, i.detail ?? {}] as [string, any]))
    const reached = PROGRESS.filter((p) =>
      vo.items.every((item) => MathBN.gte(detail.get(item.line_item_id)?.[p.quantity] ?? 0, item.quantity))
    )
    const target = reached.length ? reached[reached.length - 1] : null
    if (!target || RANK[target.status] <= RANK[vo.status]) return new StepResponse<string, Undo>(vo.status, null)

    const now = new Date()
    const stamps = Object.fromEntries(
      PROGRESS.filter((p) => RANK[p.status] > RANK[vo.status] && RANK[p.status] <= RANK[target.status]).map((p) => [p.at, now])
    )
    // Compare-and-set: only from a status below the target (a concurrent
    // call that got further first wins; this one then changes nothing), and
    // stamps only where still empty.
    const moved = await service.moveVendorOrderStatus(vo.id, {
      from: (Object.keys(RANK) as any[]).filter((s) => RANK[s] < RANK[target.status]),
      to: target.status,
      stamps,
      keep_stamps: true,
      actor_type: input.actor.type,
      actor_id: input.actor.id ?? null,
    })
    if (!moved.changed) return new StepResponse<string, Undo>(moved.status, null)
    return new StepResponse<string, Undo>(target.status, {
      id: vo.id,
      expected: target.status,
      status: moved.from,
      previous: moved.previous,
      history_id: moved.history_id,
    })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    await service.revertVendorOrderStatus(undo.id, undo)
  }
)
