import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import type { VendorRole } from "../../../modules/vendor/models/vendor-member"

export type CreateVendorMemberStepInput = {
  vendor_id: string
  email: string
  first_name?: string | null
  last_name?: string | null
  role: VendorRole
}

export const createVendorMemberStep = createStep(
  "create-vendor-member",
  async (input: CreateVendorMemberStepInput, { container }) => {
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    const member = await service.createVendorMembers({
      ...input,
      email: input.email.toLowerCase(),
      vendor_id: input.vendor_id,
    })
    return new StepResponse(member, member.id)
  },
  async (id, { container }) => {
    if (!id) return
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    await service.deleteVendorMembers(id)
  }
)
