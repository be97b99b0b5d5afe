import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"

/** Soft-deletes the member; its token then gets 401. Compensation restores it. */
export const removeVendorMemberStep = createStep(
  "remove-vendor-member",
  async (id: string, { container }) => {
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    await service.softDeleteVendorMembers(id)
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (!id) return
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    await service.restoreVendorMembers(id)
  }
)
