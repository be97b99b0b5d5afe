import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"

/**
 * Detaches the logins of removed members from them: `vendor_id` in each
 * auth identity's app_metadata becomes null, so the login is unregistered
 * again and the person can be invited anew (linkVendorLoginStep accepts a
 * null key). Medusa merges JSON on update, so the key cannot be deleted.
 * Compensation puts the member ids back.
 */
export const unlinkVendorLoginsStep = createStep(
  "unlink-vendor-logins",
  async (memberIds: string[], { container }) => {
    if (!memberIds.length) return new StepResponse([], [])
    const auth = container.resolve(Modules.AUTH)
    // One lookup per member: a JSON-path equality filter, as Medusa's own
    // removeCustomerAccountWorkflow does; a vendor has few members.
    const identities = (await Promise.all(memberIds.map((id) => auth.listAuthIdentities({ app_metadata: { vendor_id: id } })))).flat()
    const unlinked = identities.map((i) => ({ id: i.id, vendor_id: String(i.app_metadata?.vendor_id) }))
    if (identities.length) {
      await auth.updateAuthIdentities(identities.map((i) => ({ id: i.id, app_metadata: { ...(i.app_metadata ?? {}), vendor_id: null } })))
    }
    return new StepResponse(unlinked, unlinked)
  },
  async (unlinked, { container }) => {
    if (!unlinked?.length) return
    const auth = container.resolve(Modules.AUTH)
    const identities = await auth.listAuthIdentities({ id: unlinked.map((u) => u.id) })
    await auth.updateAuthIdentities(
      identities.map((i) => ({
        id: i.id,
        app_metadata: { ...(i.app_metadata ?? {}), vendor_id: unlinked.find((u) => u.id === i.id)!.vendor_id },
      }))
    )
  }
)
