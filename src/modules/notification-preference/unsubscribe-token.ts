import { createHmac, timingSafeEqual } from "crypto"
import { isCategoryOf, RECIPIENT_TYPES, type PreferenceCategory, type RecipientType } from "./categories"

/**
 * The signed token of an unsubscribe link: who (recipient type and id),
 * which category, and until when the link works. HMAC-SHA256 under a key
 * derived from the app's JWT secret for this one purpose, so a token
 * cannot be replayed as anything else and the JWT secret itself never
 * signs it. Format: `v1.<base64url JSON>.<base64url HMAC>`.
 */
export type UnsubscribeClaims = { recipient_type: RecipientType; recipient_id: string; category: PreferenceCategory }

export type UnsubscribeSecret = string | Buffer

/** The app's JWT secret (projectConfig.http.jwtSecret) as the key material; refuses to sign without one. */
export function unsubscribeSecret(jwtSecret: unknown): UnsubscribeSecret {
  if ((typeof jwtSecret === "string" && jwtSecret) || Buffer.isBuffer(jwtSecret)) return jwtSecret
  throw new Error("projectConfig.http.jwtSecret is not set: unsubscribe links cannot be signed")
}

const VERSION = "v1"
// Mail is read late and kept: a year-old message's link should still work.
export const UNSUBSCRIBE_TOKEN_TTL_SECONDS = 365 * 24 * 3600

const key = (secret: UnsubscribeSecret) => createHmac("sha256", secret).update(`lilium:notification-unsubscribe:${VERSION}`).digest()
const b64 = (b: Buffer | string) => Buffer.from(b).toString("base64url")

export function signUnsubscribeToken(claims: UnsubscribeClaims, secret: UnsubscribeSecret, now = Date.now()): string {
  const payload = b64(
    JSON.stringify({
      t: claims.recipient_type,
      i: claims.recipient_id,
      c: claims.category,
      x: Math.floor(now / 1000) + UNSUBSCRIBE_TOKEN_TTL_SECONDS,
    })
  )
  const sig = b64(createHmac("sha256", key(secret)).update(`${VERSION}.${payload}`).digest())
  return `${VERSION}.${payload}.${sig}`
}

export type VerifiedToken = { ok: true; claims: UnsubscribeClaims } | { ok: false; reason: string }

/** The token's claims, or why it is refused (malformed, altered, expired). Never throws. */
export function verifyUnsubscribeToken(token: unknown, secret: UnsubscribeSecret, now = Date.now()): VerifiedToken {
  if (typeof token !== "string" || token.length > 1024) return { ok: false, reason: "The unsubscribe link is malformed." }
  const [version, payload, sig, ...rest] = token.split(".")
  if (version !== VERSION || !payload || !sig || rest.length) return { ok: false, reason: "The unsubscribe link is malformed." }
  const expected = createHmac("sha256", key(secret)).update(`${VERSION}.${payload}`).digest()
  const given = Buffer.from(sig, "base64url")
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: "The unsubscribe link is not valid (it was altered or not issued by this marketplace)." }
  }
  let body: { t?: unknown; i?: unknown; c?: unknown; x?: unknown }
  try {
    body = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"))
  } catch {
    return { ok: false, reason: "The unsubscribe link is malformed." }
  }
  const type = RECIPIENT_TYPES.find((t) => t === body.t)
  if (
    !type ||
    typeof body.i !== "string" ||
    !body.i ||
    typeof body.c !== "string" ||
    !isCategoryOf(type, body.c) ||
    typeof body.x !== "number"
  ) {
    return { ok: false, reason: "The unsubscribe link is malformed." }
  }
  if (body.x * 1000 < now)
    return { ok: false, reason: "The unsubscribe link has expired; change your notification settings in your account." }
  return { ok: true, claims: { recipient_type: type, recipient_id: body.i, category: body.c } }
}
