import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cachedMarketplaceSettings } from "../../../lib/marketplace-settings"
import { ADMIN_MFA_REQUIRED_MESSAGE, mfaCompleted } from "../../utils/mfa"

type WithAuthContext = MedusaRequest & {
  auth_context?: { actor_type?: string; actor_id?: string; mfa_challenge_completed_at?: unknown }
}

// What an admin user without 2FA may still read while it is required: their
// own user, which Medusa's dashboard loads for its shell and for the profile
// page where 2FA is set up (the setup itself is under /auth/mfa/*, not /admin).
const OPEN_WITHOUT_MFA = [{ method: "GET", path: "/admin/users/me" }]

/**
 * With require_admin_mfa on, an admin user whose token or session did not
 * complete Medusa's MFA challenge gets 403 on /admin/*, with how to enrol.
 * Secret API keys (actor type "api-key") are not users and pass. The setting
 * comes from this server's copy (at most one store read per server every
 * MARKETPLACE_SETTINGS_TTL_MS, 5 s): a change through this server applies at
 * once, through another server within 5 s.
 */
export async function adminMfaRequirement(request: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const ctx = (request as WithAuthContext).auth_context
  if (ctx?.actor_type !== "user" || !ctx.actor_id || mfaCompleted(ctx)) return next()
  const path = request.originalUrl.split("?")[0].replace(/\/+$/, "")
  if (OPEN_WITHOUT_MFA.some((r) => r.method === request.method && r.path === path)) return next()
  try {
    const settings = await cachedMarketplaceSettings(request.scope)
    if (!settings.require_admin_mfa) return next()
    res.status(403).json({ type: "not_allowed", code: "mfa_required", message: ADMIN_MFA_REQUIRED_MESSAGE })
  } catch (e) {
    next(e)
  }
}
