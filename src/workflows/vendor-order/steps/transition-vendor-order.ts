import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import { VENDOR_ORDER_TRANSITIONS, type VendorOrderAction, type VendorOrderStatus } from "../../../modules/vendor/vendor-order-status"
import { stateConflict } from "../../../lib/errors/state-conflict"
import type { VendorOrderActor } from "../types"

export type TransitionVendorOrderInput = {
  vendor_order_id: string
  action: VendorOrderAction
  actor: VendorOrderActor
  reason?: string | null
}

type Undo = { id: string; expected: VendorOrderStatus; status: VendorOrderStatus; previous: Record<string, unknown>; history_id: string }

/**
 * accept | reject | cancel as one compare-and-set
 * (VendorModuleService.moveVendorOrderStatus: row lock, status check,
 * update, history row, one transaction): of concurrent calls from the same
 * status exactly one passes, the others get 409. Stamps the time and
 * records the change with its actor. Compensation restores the previous
 * status (only if it is still the new one) and drops the history row.
 */
export const transitionVendorOrderStep = createStep(
  "transition-vendor-order",
  async (input: TransitionVendorOrderInput, { container }) => {
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    const t = VENDOR_ORDER_TRANSITIONS[input.action]
    const moved = await service.moveVendorOrderStatus(input.vendor_order_id, {
      from: t.from,
      to: t.to,
      stamps: { [t.at]: new Date() },
      status_reason: input.reason ?? null,
      actor_type: input.actor.type,
      actor_id: input.actor.id ?? null,
      reason: input.reason ?? null,
    })
    if (!moved.changed) throw stateConflict(`Cannot ${input.action} a vendor order that is ${moved.status}.`)
    const vo = await service.retrieveVendorOrder(input.vendor_order_id)
    return new StepResponse<typeof vo, Undo>(vo, {
      id: vo.id,
      expected: t.to,
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
