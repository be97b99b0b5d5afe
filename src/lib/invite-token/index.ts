import crypto from "node:crypto"

/**
 * Invite tokens (vendor members, company employees): 32 random bytes,
 * shown once (response and e-mail); only the SHA-256 hash is stored, so a
 * database reader cannot accept an invite.
 */
export function newInviteToken(): { token: string; token_hash: string } {
  const token = crypto.randomBytes(32).toString("base64url")
  return { token, token_hash: hashInviteToken(token) }
}

/** The stored form of a token, for the lookup when it is accepted. */
export const hashInviteToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex")
