import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import type { VendorRole } from "../../../modules/vendor/models/vendor-member"

export const updateVendorMemberStep = createStep(
  "update-vendor-member",
  async (input: { vendor_id: string; id: string; role: VendorRole }, { container }) => {
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    // The vendor keeps an owner even when two owners demote each other at once (row lock in the module).
    const before = await service.changeMemberKeepingAnOwner(input.vendor_id, input.id, { role: input.role })
    const member = await service.retrieveVendorMember(input.id)
    return new StepResponse(member, { id: input.id, role: before.role })
  },
  async (previous, { container }) => {
    if (!previous) return
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    await service.updateVendorMembers(previous)
  }
)
