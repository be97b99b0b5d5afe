import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { EmailpassLogin } from "./verify-current-password"

export type SetEmailpassPasswordStepInput = { login: EmailpassLogin; password: string }

/**
 * Writes the new password through the emailpass provider (it hashes and
 * merges into provider_metadata). The compensation puts the previous
 * metadata, with the old hash, back.
 */
export const setEmailpassPasswordStep = createStep(
  "set-emailpass-password",
  async (input: SetEmailpassPasswordStepInput, { container }) => {
    const { success, error } = await container
      .resolve(Modules.AUTH)
      .updateProvider("emailpass", { entity_id: input.login.entity_id, password: input.password })
    if (!success) throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, error ?? "The password could not be changed.")
    return new StepResponse(undefined, { id: input.login.id, provider_metadata: input.login.provider_metadata })
  },
  async (previous, { container }) => {
    if (!previous) return
    await container.resolve(Modules.AUTH).updateProviderIdentities(previous)
  }
)
