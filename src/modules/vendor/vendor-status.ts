import { stateConflict } from "../../lib/errors/state-conflict"
import type { VendorStatus } from "./models/vendor"

/** A vendor's state machine: pending → active | rejected; active ⇄ suspended. */
export const VENDOR_TRANSITIONS = {
  approve: { from: ["pending"], to: "active" },
  reject: { from: ["pending"], to: "rejected" },
  suspend: { from: ["active"], to: "suspended" },
  reinstate: { from: ["suspended"], to: "active" },
} as const satisfies Record<string, { from: readonly VendorStatus[]; to: VendorStatus }>
export type VendorTransition = keyof typeof VENDOR_TRANSITIONS

/** The vendor's status after `action`, or a 409 when its current status does not allow it. */
export function nextVendorStatus(current: VendorStatus, action: VendorTransition): VendorStatus {
  const transition: { from: readonly VendorStatus[]; to: VendorStatus } = VENDOR_TRANSITIONS[action]
  if (!transition.from.includes(current)) {
    throw stateConflict(`Cannot ${action} a vendor that is ${current}.`)
  }
  return transition.to
}
