import { MedusaError } from "@medusajs/framework/utils"

export const STATE_CONFLICT = "state_conflict"

/**
 * An illegal state change (approve an active vendor, …). Medusa's error
 * handler answers CONFLICT with a generic retry message meant for
 * idempotency clashes; our handler answers these with 409 and this message.
 */
export function stateConflict(message: string) {
  return new MedusaError(MedusaError.Types.CONFLICT, message, STATE_CONFLICT)
}

export function isStateConflict(err: unknown): err is { message: string } {
  return !!err && typeof err === "object" && (err as any).code === STATE_CONFLICT
}
