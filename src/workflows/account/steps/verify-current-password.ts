import scrypt from "scrypt-kdf"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"

export type VerifyCurrentPasswordStepInput = { auth_identity_id: string; current_password: string }

/** The identity's emailpass login, as it was before the change (for the compensation). */
export type EmailpassLogin = { id: string; entity_id: string; provider_metadata: Record<string, unknown> }

/**
 * Checks the current password against the stored emailpass hash, the way
 * @medusajs/auth-emailpass does (scrypt-kdf over the base64 hash), without
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
    if (!login || typeof hash !== "string" || !(await matches(hash, input.current_password))) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "The current password is not correct.")
    }
    const result: EmailpassLogin = { id: login.id, entity_id: login.entity_id, provider_metadata: login.provider_metadata ?? {} }
    return new StepResponse(result)
  }
)

async function matches(hash: string, password: string): Promise<boolean> {
  try {
    return await scrypt.verify(Buffer.from(hash, "base64"), password)
  } catch {
    // Not a scrypt-kdf key (a hash written by something else): no match.
    return false
  }
}
