import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { revokeAuthTokensWorkflow } from "../../workflows/account/workflows/revoke-auth-tokens"

type WithAuthContext = MedusaRequest & { auth_context?: { auth_identity_id?: string; actor_id?: string } }

/**
 * Medusa's reset route (POST /auth/:actor_type/emailpass/update) sets the
 * password and emits nothing. This middleware runs before it and holds its
 * 200 answer until the identity's earlier tokens and sessions are revoked
 * (revokeAuthTokensWorkflow), so a client that has the answer can rely on
 * it. Medusa's validateToken has put the reset token's identity into
 * auth_context by then.
 */
export function revokeTokensAfterPasswordReset(request: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const req = request as WithAuthContext
  const send = res.json.bind(res)
  res.json = ((body: unknown) => {
    const ctx = req.auth_context
    if (res.statusCode !== 200 || !ctx?.auth_identity_id) return send(body)
    revokeAuthTokensWorkflow(req.scope)
      .run({ input: { auth_identity_id: ctx.auth_identity_id, actor_type: req.params.actor_type, email: ctx.actor_id ?? "" } })
      .then(
        () => send(body),
        (e: unknown) => {
          // The password is already changed and the reset token spent; say so, and log what did not happen.
          req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`Password reset: revoking earlier sessions failed: ${String(e)}`)
          send(body)
        }
      )
    return res
  }) as typeof res.json
  next()
}
