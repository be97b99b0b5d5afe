import { createHash, createHmac, scrypt, timingSafeEqual } from "crypto"
import { promisify } from "util"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"

export type VerifyCurrentPasswordStepInput = { auth_identity_id: string; current_password: string }

/** The identity's emailpass login, as it was before the change (for the compensation). */
export type EmailpassLogin = { id: string; entity_id: string; provider_metadata: Record<string, unknown> }

/**
 * Checks the current password against the stored emailpass hash, without
 * side effects: the auth module's authenticate() would also open an MFA
 * challenge for identities with 2FA.
 */
export const verifyCurrentPasswordStep = createStep(
  "verify-current-password",
  async (input: VerifyCurrentPasswordStepInput, { container }) => {
    const [login] = await container
      .resolve(Modules.AUTH)
      .listProviderIdentities(
        { auth_identity_id: input.auth_identity_id, provider: "emailpass" },
        { select: ["id", "entity_id", "provider_metadata"] }
      )
    const hash = login?.provider_metadata?.password
    if (!login || typeof hash !== "string" || !(await verifyEmailpassHash(hash, input.current_password))) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "The current password is not correct.")
    }
    const result: EmailpassLogin = { id: login.id, entity_id: login.entity_id, provider_metadata: login.provider_metadata ?? {} }
    return new StepResponse(result)
  }
)

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, length: number, options: object) => Promise<Buffer>

/**
 * @medusajs/auth-emailpass stores scrypt-kdf 2.x keys (base64, 96 bytes:
 * "scrypt", version, logN, r, p, a 32-byte salt, a 16-byte checksum and an
 * HMAC-SHA256 of the first 64 bytes keyed with the second half of the
 * derived key). This is scrypt-kdf's verify on Node's own crypto.scrypt, so
 * the plugin needs no package that Medusa only carries transitively.
 */
export async function verifyEmailpassHash(hash: string, password: string): Promise<boolean> {
  const key = Buffer.from(hash, "base64")
  if (key.length !== 96 || key.subarray(0, 6).toString("latin1") !== "scrypt") return false
  const checksum = createHash("sha256").update(key.subarray(0, 48)).digest().subarray(0, 16)
  if (!timingSafeEqual(checksum, key.subarray(48, 64))) return false
  const logN = key.readUInt8(7)
  const r = key.readUInt32BE(8)
  const p = key.readUInt32BE(12)
  // Medusa hashes with logN 15, r 8, p 1; anything far beyond is not a key it wrote.
  if (logN < 1 || logN > 20 || r < 1 || r > 32 || p < 1 || p > 16) return false
  const derived = await scryptAsync(password, key.subarray(16, 48), 64, { N: 2 ** logN, r, p, maxmem: 2 ** 31 - 1 })
  const hmac = createHmac("sha256", derived.subarray(32)).update(key.subarray(0, 64)).digest()
  return timingSafeEqual(hmac, key.subarray(64, 96))
}
