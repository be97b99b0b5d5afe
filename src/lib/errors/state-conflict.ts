import { MedusaError } from "@medusajs/framework/utils"

/**
 * Illegal state changes (approve an active vendor, …) are MedusaErrors of
 * type CONFLICT with this code. Medusa's error handler answers CONFLICT with
 * a generic retry message meant for idempotency clashes; our handler in
 * src/api/middlewares.ts answers these with 409 and their own message.
 */
export const STATE_CONFLICT = "state_conflict"

export function isStateConflict(err: unknown): err is { message: string } {
  return !!err && typeof err === "object" && "code" in err && err.code === STATE_CONFLICT
}

/** A 409 with this message, for an illegal state change. */
export function stateConflict(message: string) {
  return new MedusaError(MedusaError.Types.CONFLICT, message, STATE_CONFLICT)
}
