import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import { nextVendorOrderStatus, VENDOR_ORDER_TRANSITIONS, type VendorOrderAction } from "../../../modules/vendor/service"
import type { VendorOrderActor } from "../types"

export type TransitionVendorOrderInput = {
  vendor_order_id: string
  action: VendorOrderAction
  actor: VendorOrderActor
  reason?: string | null
}

/**
 * accept | reject | cancel: checks the transition (409 when illegal),
 * stamps the time, and records it in the status history with the actor.
 * Compensation restores the previous status and drops the history row.
 */
export const transitionVendorOrderStep = createStep(
  "transition-vendor-order",
  async (input: TransitionVendorOrderInput, { container }) => {
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    const vo = await service.retrieveVendorOrder(input.vendor_order_id)
    const to = nextVendorOrderStatus(vo.status, input.action)
    const at = VENDOR_ORDER_TRANSITIONS[input.action].at
    await service.updateVendorOrders({
      id: vo.id,
      status: to,
      status_reason: input.reason ?? null,
      [at]: new Date(),
    } as any)
    const history = await service.createVendorOrderStatusChanges({
      vendor_order_id: vo.id,
      from_status: vo.status,
      to_status: to,
      actor_type: input.actor.type,
      actor_id: input.actor.id ?? null,
      reason: input.reason ?? null,
    })
    return new StepResponse(
      { ...vo, status: to },
      { id: vo.id, status: vo.status, status_reason: vo.status_reason, at, atValue: (vo as any)[at], history_id: history.id }
    )
  },
  async (previous, { container }) => {
    if (!previous) return
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    await service.deleteVendorOrderStatusChanges(previous.history_id)
    await service.updateVendorOrders({
      id: previous.id,
      status: previous.status,
      status_reason: previous.status_reason,
      [previous.at]: previous.atValue ?? null,
    } as any)
  }
)
