import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import { hashInviteToken } from "../../../lib/invite-token"
import { stateConflict } from "../../../lib/errors/state-conflict"

export type ClaimVendorInviteStepInput = { token: string; auth_identity_id: string }

/**
 * Marks the invite accepted, once: the update only matches a row whose
 * accepted_at is still null, so two concurrent accepts cannot both win.
 * The caller's login e-mail must be the invited one.
 */
export const claimVendorInviteStep = createStep(
  "claim-vendor-invite",
  async (input: ClaimVendorInviteStepInput, { container }) => {
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    const [invite] = await service.listVendorInvites({ token_hash: hashInviteToken(input.token) })
    if (!invite) throw new MedusaError(MedusaError.Types.NOT_FOUND, "Invite not found.")
    if (invite.accepted_at) throw stateConflict("This invite has already been accepted.")
    if (new Date(invite.expires_at).getTime() <= Date.now()) throw stateConflict("This invite has expired.")

    const identity = await container
      .resolve(Modules.AUTH)
      .retrieveAuthIdentity(input.auth_identity_id, { relations: ["provider_identities"] })
    const emails = (identity.provider_identities ?? []).map((p) => p.entity_id.toLowerCase())
    if (!emails.includes(invite.email)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `This invite is for ${invite.email}; log in with that e-mail to accept it.`)
    }

    const claimed = await service.updateVendorInvites({
      selector: { id: invite.id, accepted_at: null },
      data: { accepted_at: new Date() },
    })
    if (!(claimed as unknown as unknown[]).length) throw stateConflict("This invite has already been accepted.")
    return new StepResponse(invite, invite.id)
  },
  async (id, { container }) => {
    if (!id) return
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    await service.updateVendorInvites({ id, accepted_at: null })
  }
)
