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

type Undo = { id: string; status: string; previous: Record<string, unknown>; history_id: string } | null

/**
 * After a fulfillment, shipment or delivery, moves the vendor order to the
 * furthest status that all of its items have reached (partial progress
 * leaves it where it is), stamping the times it passed and recording the
 * change with its actor. Never moves backwards. Compensation restores it.
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
    await service.updateVendorOrders({ id: vo.id, status: target.status, ...stamps } as any)
    const history = await service.createVendorOrderStatusChanges({
      vendor_order_id: vo.id,
      from_status: vo.status,
      to_status: target.status,
      actor_type: input.actor.type,
      actor_id: input.actor.id ?? null,
    })
    const previous = Object.fromEntries(Object.keys(stamps).map((k) => [k, (vo as any)[k] ?? null]))
    return new StepResponse<string, Undo>(target.status, { id: vo.id, status: vo.status, previous, history_id: history.id })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    await service.deleteVendorOrderStatusChanges(undo.history_id)
    await service.updateVendorOrders({ id: undo.id, status: undo.status, ...undo.previous } as any)
  }
)
