import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"

/**
 * Soft-deletes the member; its token then gets 401. The vendor keeps an
 * owner even when two owners remove each other at once (row lock in the
 * module). Compensation restores it.
 */
export const removeVendorMemberStep = createStep(
  "remove-vendor-member",
  async (input: { vendor_id: string; member_id: string }, { container }) => {
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    await service.changeMemberKeepingAnOwner(input.vendor_id, input.member_id, "remove")
    const id = input.member_id
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (!id) return
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    await service.restoreVendorMembers(id)
  }
)
