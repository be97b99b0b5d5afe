import type { OtpActorType, OtpChannel } from "../../lib/one-time-code"

/**
 * Where "sign in again" is recorded: the auth identity's app_metadata (the
 * identity is the one thing every actor of an e-mail shares, and reading it
 * by primary key is the cheapest check per request). Unix seconds; a token
 * or session whose `iat` is earlier is refused (src/api/utils/token-freshness.ts).
 */
export const TOKENS_VALID_AFTER = "tokens_valid_after"

/** The identity's tokens_valid_after, or null when none is set. */
export function tokensValidAfter(appMetadata: Record<string, unknown> | null | undefined): number | null {
  const v = appMetadata?.[TOKENS_VALID_AFTER]
  return typeof v === "number" && Number.isFinite(v) ? v : null
}

/** Payload of `auth.password_changed`. */
export type PasswordChangedEvent = { auth_identity_id: string; actor_type: string; email: string; reason: "change" | "reset" }

/** Emitted by POST /auth/{customer|vendor}/otp/request; carries no code (the subscriber makes it). */
export const OTP_REQUESTED = "auth.otp_requested"
export type OtpRequestedEvent = { actor_type: OtpActorType; identifier: string; channel: OtpChannel }
