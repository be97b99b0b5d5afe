import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import { stateConflict } from "../../../lib/errors/state-conflict"

/**
 * Soft-deletes a vendor with its members and invites, and returns the member
 * ids (their logins are detached next). An active vendor is refused with
 * 409: it is selling, so the operator suspends it first, which takes its
 * products off the storefront. Compensation restores all three.
 */
export const deleteVendorStep = createStep(
  "delete-vendor",
  async (vendorId: string, { container }) => {
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    const vendor = await service.retrieveVendor(vendorId, { relations: ["members", "invites"] })
    if (vendor.status === "active") {
      throw stateConflict("Cannot delete an active vendor; suspend it first.")
    }
    const memberIds = vendor.members.map((m) => m.id)
    const inviteIds = vendor.invites.map((i) => i.id)
    await service.softDeleteVendorInvites(inviteIds)
    await service.softDeleteVendorMembers(memberIds)
    await service.softDeleteVendors(vendorId)
    return new StepResponse({ member_ids: memberIds }, { vendorId, memberIds, inviteIds })
  },
  async (deleted, { container }) => {
    if (!deleted) return
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    await service.restoreVendors(deleted.vendorId)
    await service.restoreVendorMembers(deleted.memberIds)
    await service.restoreVendorInvites(deleted.inviteIds)
  }
)
