import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { OTP_ACTOR_TYPES, otpProviderSecret } from "../../lib/one-time-code"
import { tokenFreshness } from "../utils/token-freshness"
import { revokeTokensAfterPasswordReset } from "./password-reset-revocation"
import { newPassword, OtpSignIn, RequestOtpCode } from "./validators"
import { otpSignInLock } from "./otp-sign-in-lock"
import { validateBody } from "../utils/validation"

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
 * Sign-in codes are for buyers and vendor members (operators sign in with a
 * password and 2FA), and only where the otp auth provider is configured (a
 * host store may install Lilium without it).
 */
function otpActorType(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (!otpProviderSecret(req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE))) {
    return next(new MedusaError(MedusaError.Types.NOT_ALLOWED, "Sign-in codes are not enabled on this marketplace."))
  }
  if ((OTP_ACTOR_TYPES as readonly string[]).includes(req.params.actor_type)) return next()
  next(new MedusaError(MedusaError.Types.INVALID_DATA, `Sign-in codes are for ${OTP_ACTOR_TYPES.join(" and ")} accounts.`))
}

/**
 * Medusa's emailpass routes, with Lilium's password policy in front (400
 * before Medusa registers the login or spends the reset token): these
 * static `emailpass` matchers sort before Medusa's `:auth_provider` ones.
 */
export const authRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/auth/:actor_type/emailpass/register", method: ["POST"], middlewares: [passwordPolicy] },
  { matcher: "/auth/:actor_type/emailpass/update", method: ["POST"], middlewares: [passwordPolicy, revokeTokensAfterPasswordReset] },
  // One-time codes (decision 57). Medusa's /auth/:actor_type/:auth_provider routes check that the actor type
  // may use otp (authMethodsPerActor); the request route is Lilium's and checks it itself.
  { matcher: "/auth/:actor_type/otp/request", method: ["POST"], middlewares: [otpActorType, validateBody(RequestOtpCode)] },
  { matcher: "/auth/:actor_type/otp", method: ["POST"], middlewares: [otpActorType, validateBody(OtpSignIn), otpSignInLock] },
  // A token issued before a password change must not buy a fresh one (refresh) or a session: after Medusa's authenticate.
  { matcher: "/auth/token/refresh", method: ["POST"], middlewares: [tokenFreshness] },
  { matcher: "/auth/session", method: ["POST"], middlewares: [tokenFreshness] },
]
