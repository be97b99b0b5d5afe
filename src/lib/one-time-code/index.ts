import { createHmac, randomInt, timingSafeEqual } from "node:crypto"

/**
 * One-time sign-in codes (issue 16, decision 57): the rules and the hashing,
 * shared by the code issuer (src/workflows/account) and the `otp` auth
 * provider that checks them (src/providers/auth-otp).
 *
 * A 6-digit code has a million values, so no hash function makes a stolen
 * digest safe on its own: the digest is an HMAC under a server secret (a
 * database dump alone cannot be brute-forced), the code lives 10 minutes,
 * and 5 wrong tries kill it.
 */
export const OTP_DIGITS = 6
export const OTP_TTL_SECONDS = 10 * 60
export const OTP_MAX_ATTEMPTS = 5
/** A new code for the same identifier is not issued within this many seconds of the last one. */
export const OTP_RESEND_SECONDS = 60
/** Actor types that may sign in with a code (admin users keep password + 2FA). */
export const OTP_ACTOR_TYPES = ["customer", "vendor"] as const
export type OtpActorType = (typeof OTP_ACTOR_TYPES)[number]
export const OTP_CHANNELS = ["email", "sms"] as const
export type OtpChannel = (typeof OTP_CHANNELS)[number]
/** The auth provider id, the URL segment in /auth/:actor_type/otp. */
export const OTP_PROVIDER = "otp"

/**
 * What the `otp` provider identity keeps in provider_metadata.otp: never the
 * code, only its digest, with the actor type it was issued for.
 */
export type OtpState = {
  digest: string
  actor_type: OtpActorType
  channel: OtpChannel
  issued_at: string
  expires_at: string
  attempts: number
}

/**
 * The secret the otp auth provider checks digests with, read from its own
 * entry in the auth module's configuration (`{id: "otp", options: {secret}}`),
 * so the code issuer and the provider can never disagree; null when the
 * provider is not configured (a host store that installs Lilium without it).
 */
export function otpProviderSecret(config: { modules?: Record<string, unknown> }): string | null {
  const auth = config.modules?.auth as { options?: { providers?: { id?: string; options?: { secret?: unknown } }[] } } | undefined
  const secret = auth?.options?.providers?.find((p) => p.id === OTP_PROVIDER)?.options?.secret
  return typeof secret === "string" && secret ? secret : null
}

/** E-mail identifiers are case-insensitive; Medusa's emailpass keys them as typed, Lilium's clients send them lower-cased. */
export function normalizeIdentifier(identifier: string): string {
  return identifier.trim().toLowerCase()
}

export function generateCode(): string {
  return String(randomInt(0, 10 ** OTP_DIGITS)).padStart(OTP_DIGITS, "0")
}

/** HMAC-SHA256 of the code, bound to the actor type and the identifier, under a key derived from the server secret. */
export function codeDigest(secret: string, parts: { actor_type: string; identifier: string; code: string }): string {
  const key = createHmac("sha256", secret).update("lilium:otp:v1").digest()
  return createHmac("sha256", key).update(`${parts.actor_type}\n${parts.identifier}\n${parts.code}`).digest("hex")
}

/** Constant-time comparison of a candidate code with a stored digest. */
export function codeMatches(secret: string, state: OtpState, identifier: string, code: string): boolean {
  const candidate = Buffer.from(codeDigest(secret, { actor_type: state.actor_type, identifier, code }), "hex")
  const stored = Buffer.from(state.digest, "hex")
  return stored.length === candidate.length && timingSafeEqual(stored, candidate)
}

/** Why a stored code can no longer be used, or null when it still can. */
export function codeUnusable(state: OtpState | null | undefined, actorType: string, now = new Date()): string | null {
  if (!state?.digest) return "no code"
  if (state.actor_type !== actorType) return "issued for another actor type"
  if (Date.parse(state.expires_at) <= now.getTime()) return "expired"
  if (state.attempts >= OTP_MAX_ATTEMPTS) return "too many wrong codes"
  return null
}

/** True while a code issued at `issuedAt` blocks a new one. */
export function resendBlocked(state: OtpState | null | undefined, now = new Date()): boolean {
  if (!state?.issued_at || !state.digest) return false
  return now.getTime() - Date.parse(state.issued_at) < OTP_RESEND_SECONDS * 1000
}
