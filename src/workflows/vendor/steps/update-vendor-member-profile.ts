import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"

export type VendorMemberProfileUpdate = {
  id: string
  first_name?: string | null
  last_name?: string | null
  phone?: string | null
}

const FIELDS = ["first_name", "last_name", "phone"] as const

/** Sets a member's own name and phone; compensation puts back the fields it changed. */
export const updateVendorMemberProfileStep = createStep(
  "update-vendor-member-profile",
  async (input: VendorMemberProfileUpdate, { container }) => {
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    const before = await service.retrieveVendorMember(input.id, { select: ["id", ...FIELDS] })
    const changes = Object.fromEntries(FIELDS.filter((f) => input[f] !== undefined).map((f) => [f, input[f]]))
    const previous = Object.fromEntries(Object.keys(changes).map((f) => [f, before[f as (typeof FIELDS)[number]] ?? null]))
    const member = await service.updateVendorMembers({ id: input.id, ...changes })
    return new StepResponse(member, { id: input.id, ...previous })
  },
  async (previous, { container }) => {
    if (!previous) return
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    await service.updateVendorMembers(previous)
  }
)
