import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { tokensValidAfter } from "../../workflows/account/types"

type WithAuthContext = MedusaRequest & { auth_context?: { auth_identity_id?: string; iat?: unknown } }

/**
 * Refuses a bearer token or session issued before the identity's
 * tokens_valid_after (set when its password is changed or reset): Medusa
 * 2.21 verifies JWTs statelessly and keeps sessions without a per-user
 * index, so this is how "every other session stops working" is done.
 *
 * Runs after authentication (Medusa's /admin and /store auth, vendorAuth for
 * /vendor): requests without an auth context, and API keys (no `iat`), pass
 * untouched. One primary-key read of the auth identity per authenticated
 * request. Answers as Medusa's authenticate() does.
 */
export async function tokenFreshness(request: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const ctx = (request as WithAuthContext).auth_context
  if (!ctx?.auth_identity_id || typeof ctx.iat !== "number") return next()
  try {
    const [identity] = await request.scope
      .resolve(Modules.AUTH)
      .listAuthIdentities({ id: [ctx.auth_identity_id] }, { select: ["id", "app_metadata"], take: 1 })
    const validAfter = identity ? tokensValidAfter(identity.app_metadata) : null
    // Whole seconds, strictly earlier: a token issued in the second of the change is the client's new one.
    if (!identity || (validAfter !== null && ctx.iat < validAfter)) {
      res.status(401).json({ message: "Unauthorized" })
      return
    }
    next()
  } catch (e) {
    next(e)
  }
}
