import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import type { VendorRole } from "../../../modules/vendor/models/vendor-member"
import { vendorInviteTtlHours } from "../../../options"
import { newInviteToken } from "../../../lib/invite-token"

export type CreateVendorInviteStepInput = {
  vendor_id: string
  email: string
  role: VendorRole
  invited_by_member_id: string
}

/** Option vendorInviteTtlHours, env VENDOR_INVITE_TTL_HOURS, default 72 (src/options.ts). */
const ttlHours = () => vendorInviteTtlHours()

/**
 * Creates an invite with a random 32-byte token. Only its SHA-256 hash is
 * stored; the token itself is returned once, for the email.
 */
export const createVendorInviteStep = createStep(
  "create-vendor-invite",
  async (input: CreateVendorInviteStepInput, { container }) => {
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    const { token, token_hash: hash } = newInviteToken()
    const invite = await service.createVendorInvites({
      vendor_id: input.vendor_id,
      email: input.email.toLowerCase(),
      role: input.role,
      invited_by_member_id: input.invited_by_member_id,
      token_hash: hash,
      expires_at: new Date(Date.now() + ttlHours() * 3600 * 1000),
    })
    const { token_hash, ...safe } = invite
    return new StepResponse({ invite: safe, token }, invite.id)
  },
  async (id, { container }) => {
    if (!id) return
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    await service.deleteVendorInvites(id)
  }
)
