import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { TOKENS_VALID_AFTER } from "../types"

export type InvalidateAuthTokensStepInput = { auth_identity_id: string }

/**
 * Medusa 2.21 cannot revoke a JWT or another device's session, so the
 * identity records the second from which its tokens count: every token and
 * session issued earlier is refused (src/api/utils/token-freshness.ts).
 * Whole seconds, and tokens of the same second stay valid, so the token a
 * client gets right after the change works.
 */
export const invalidateAuthTokensStep = createStep(
  "invalidate-auth-tokens",
  async (input: InvalidateAuthTokensStepInput, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const identity = await auth.retrieveAuthIdentity(input.auth_identity_id, { select: ["id", "app_metadata"] })
    const previous = identity.app_metadata?.[TOKENS_VALID_AFTER] ?? null
    const validAfter = Math.floor(Date.now() / 1000)
    await auth.updateAuthIdentities({ id: identity.id, app_metadata: { ...identity.app_metadata, [TOKENS_VALID_AFTER]: validAfter } })
    return new StepResponse({ tokens_valid_after: validAfter }, { id: identity.id, previous })
  },
  async (undo, { container }) => {
    if (!undo) return
    const auth = container.resolve(Modules.AUTH)
    // Re-read: only this key goes back; the actor ids beside it stay as they are now.
    const identity = await auth.retrieveAuthIdentity(undo.id, { select: ["id", "app_metadata"] })
    const { [TOKENS_VALID_AFTER]: _mine, ...rest } = identity.app_metadata ?? {}
    await auth.updateAuthIdentities({
      id: undo.id,
      app_metadata: undo.previous === null ? rest : { ...rest, [TOKENS_VALID_AFTER]: undo.previous },
    })
  }
)
