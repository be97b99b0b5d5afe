import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import type { VendorRole } from "../../../modules/vendor/models/vendor-member"

export const updateVendorMemberStep = createStep(
  "update-vendor-member",
  async (input: { id: string; role: VendorRole }, { container }) => {
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    const before = await service.retrieveVendorMember(input.id)
    const member = await service.updateVendorMembers({ id: input.id, role: input.role })
    return new StepResponse(member, { id: input.id, role: before.role })
  },
  async (previous, { container }) => {
    if (!previous) return
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    await service.updateVendorMembers(previous)
  }
)
