import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import {
  VENDOR_ORDER_PROGRESS,
  isOnFulfillmentPath,
  progressMove,
  type VendorOrderStatus,
} from "../../../modules/vendor/vendor-order-status"
import type { VendorOrderActor } from "../types"

type Undo = {
  id: string
  expected: VendorOrderStatus
  status: VendorOrderStatus
  previous: Record<string, unknown>
  history_id: string
} | null

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
    if (!isOnFulfillmentPath(vo.status)) return new StepResponse<string, Undo>(vo.status, null)

    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["items.id", "items.detail.fulfilled_quantity", "items.detail.shipped_quantity", "items.detail.delivered_quantity"],
      filters: { id: vo.order_id },
    })
    const detail = new Map((data[0]?.items ?? []).map((i) => [i?.id, i?.detail]))
    // The furthest status every vendor item has reached in full.
    const reached = VENDOR_ORDER_PROGRESS.filter((p) =>
      vo.items.every((item) => MathBN.gte(detail.get(item.line_item_id)?.[p.quantity] ?? 0, item.quantity))
    )
    const target = reached.length ? reached[reached.length - 1] : null
    const move = target && progressMove(vo.status, target.status, new Date())
    if (!move) return new StepResponse<string, Undo>(vo.status, null)

    // Compare-and-set: only from a status below the target (a concurrent
    // call that got further first wins; this one then changes nothing), and
    // stamps only where still empty.
    const moved = await service.moveVendorOrderStatus(vo.id, {
      ...move,
      keep_stamps: true,
      actor_type: input.actor.type,
      actor_id: input.actor.id ?? null,
    })
    if (!moved.changed) return new StepResponse<string, Undo>(moved.status, null)
    return new StepResponse<string, Undo>(move.to, {
      id: vo.id,
      expected: move.to,
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
