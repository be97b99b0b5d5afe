import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * 2FA requirements (issue 16, item 4) on top of Medusa's own MFA: Medusa
 * enrols TOTP factors (/auth/mfa/*) and, for an identity with an enabled
 * factor, only issues a real token after the challenge; the token then
 * carries `mfa_challenge_completed_at`. Lilium only decides who must have it.
 */

/** How to enrol, in every refusal: Medusa's routes, in order. */
export const MFA_ENROL_HINT =
  'Enrol an authenticator app: POST /auth/mfa/factors {provider: "totp"} with your current token, ' +
  "add the returned secret to the app, POST /auth/mfa/factors/:id/verify {code}, then sign in again and " +
  "complete the challenge (POST /auth/mfa/challenges/:id/verify)."

export const ADMIN_MFA_REQUIRED_MESSAGE = `The marketplace requires two-factor authentication for admin users, and this sign-in did not complete it. ${MFA_ENROL_HINT}`

export const MEMBER_MFA_REQUIRED_MESSAGE = `This vendor requires two-factor authentication for its members, and this sign-in did not complete it. ${MFA_ENROL_HINT}`

type AuthContextLike = { mfa_challenge_completed_at?: unknown } | null | undefined

/** The token or session went through Medusa's MFA challenge. */
export function mfaCompleted(authContext: AuthContextLike): boolean {
  const at = authContext?.mfa_challenge_completed_at
  return typeof at === "string" || typeof at === "number" || at instanceof Date
}

/** The identity has an enabled (verified) 2FA factor, so it can complete a challenge at its next sign-in. */
export async function hasEnabledMfaFactor(container: MedusaContainer, authIdentityId: string | undefined | null): Promise<boolean> {
  if (!authIdentityId) return false
  const factors = await container.resolve(Modules.AUTH).listAuthMfa({ auth_identity_id: authIdentityId }, { select: ["id", "status"] })
  return factors.some((f) => f.status === "enabled")
}
