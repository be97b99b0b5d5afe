import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { normalizeIdentifier } from "../../lib/one-time-code"

// Longer than any sign-in takes; a crashed server's lock frees itself after it.
const LOCK_SECONDS = 15

/**
 * Serialises code sign-ins for one identifier (Medusa's locking module: Redis
 * when REDIS_URL is set, so across servers). The otp provider counts wrong
 * codes with a read-then-write of the provider identity; without this, ten
 * wrong codes sent at once could all read "0 attempts" and the fifth-try
 * limit would not hold. The lock is held until the response is sent.
 */
export function otpSignInLock(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const identifier = (req.body as { identifier?: unknown } | undefined)?.identifier
  if (typeof identifier !== "string") return next()
  const locking = req.scope.resolve(Modules.LOCKING)
  const key = `lilium:otp-sign-in:${normalizeIdentifier(identifier)}`
  locking
    .execute(
      key,
      () =>
        new Promise<void>((resolve) => {
          res.once("finish", resolve)
          res.once("close", resolve)
          next()
        }),
      { timeout: LOCK_SECONDS }
    )
    .catch((e: unknown) => {
      if (res.headersSent) return
      // The lock was not free in time: too many sign-ins for one address at once.
      res.setHeader("Retry-After", "1")
      res.status(429).json({ type: "too_many_requests", message: "Too many sign-in attempts at once for this identifier. Try again." })
      req.scope.resolve("logger").debug?.(`otp sign-in lock: ${e instanceof Error ? e.message : String(e)}`)
    })
}
