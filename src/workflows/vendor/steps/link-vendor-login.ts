import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"

export type LinkVendorLoginInput = { auth_identity_id: string; member_id: string }

/**
 * Makes a login the member's: app_metadata.vendor_id = member id. Like
 * Medusa's setAuthAppMetadataStep, but a login whose member was removed
 * (vendor_id null) may be linked again. Compensation restores the old value.
 */
export const linkVendorLoginStep = createStep(
  "link-vendor-login",
  async (input: LinkVendorLoginInput, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const identity = await auth.retrieveAuthIdentity(input.auth_identity_id)
    const previous = identity.app_metadata?.vendor_id ?? null
    if (previous) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This login already belongs to a vendor member.")
    }
    await auth.updateAuthIdentities({
      id: identity.id,
      app_metadata: { ...(identity.app_metadata ?? {}), vendor_id: input.member_id },
    })
    return new StepResponse(identity.id, identity.id)
  },
  async (id, { container }) => {
    if (!id) return
    const auth = container.resolve(Modules.AUTH)
    const identity = await auth.retrieveAuthIdentity(id)
    await auth.updateAuthIdentities({ id, app_metadata: { ...(identity.app_metadata ?? {}), vendor_id: null } })
  }
)
