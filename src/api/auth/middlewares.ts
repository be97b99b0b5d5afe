import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { tokenFreshness } from "../utils/token-freshness"
import { revokeTokensAfterPasswordReset } from "./password-reset-revocation"
import { newPassword } from "./validators"

/**
 * The password policy on Medusa's emailpass register and reset-update
 * bodies. Only `password` is checked: the rest of the body is Medusa's to
 * read (its routes use req.body, and Medusa's body validator would refuse
 * every key the schema does not name), so this is not validateBody.
 */
function passwordPolicy(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const password = (req.body as Record<string, unknown> | undefined)?.password
  if (typeof password !== "string") return next(new MedusaError(MedusaError.Types.INVALID_DATA, "password is required (a string)."))
  const checked = newPassword.safeParse(password)
  if (!checked.success) return next(new MedusaError(MedusaError.Types.INVALID_DATA, checked.error.issues[0].message))
  next()
}

/**
 * Medusa's emailpass routes, with Lilium's password policy in front (400
 * before Medusa registers the login or spends the reset token): these
 * static `emailpass` matchers sort before Medusa's `:auth_provider` ones.
 */
export const authRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/auth/:actor_type/emailpass/register", method: ["POST"], middlewares: [passwordPolicy] },
  { matcher: "/auth/:actor_type/emailpass/update", method: ["POST"], middlewares: [passwordPolicy, revokeTokensAfterPasswordReset] },
  // A token issued before a password change must not buy a fresh one (refresh) or a session: after Medusa's authenticate.
  { matcher: "/auth/token/refresh", method: ["POST"], middlewares: [tokenFreshness] },
  { matcher: "/auth/session", method: ["POST"], middlewares: [tokenFreshness] },
]
