import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import { LAST_OWNER_MESSAGE } from "../../../modules/vendor/service"
import type { VendorRole } from "../../../modules/vendor/models/vendor-member"
import { stateConflict } from "../../../lib/errors/state-conflict"

export type GuardVendorMemberChangeInput = {
  vendor_id: string
  member_id: string
  actor_role: VendorRole
  /** The new role, or null when the member is removed. */
  new_role: VendorRole | null
}

/**
 * Rules for changing a member: it must belong to the vendor (404 otherwise),
 * only an owner may touch an owner or make one, and the last owner can be
 * neither demoted nor removed (409). An early answer: the write itself
 * re-checks under a lock on the vendor row (changeMemberKeepingAnOwner).
 */
export const guardVendorMemberChangeStep = createStep(
  "guard-vendor-member-change",
  async (input: GuardVendorMemberChangeInput, { container }) => {
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    const [member] = await service.listVendorMembers({ id: input.member_id, vendor_id: input.vendor_id })
    if (!member) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Member with id: ${input.member_id} was not found`)
    }
    const touchesOwner = member.role === "owner" || input.new_role === "owner"
    if (touchesOwner && input.actor_role !== "owner") {
      throw new MedusaError(MedusaError.Types.FORBIDDEN, "Only an owner can change an owner or make one.")
    }
    if (member.role === "owner" && input.new_role !== "owner") {
      const owners = await service.listVendorMembers({ vendor_id: input.vendor_id, role: "owner" }, { select: ["id"] })
      if (owners.length <= 1) {
        throw stateConflict(LAST_OWNER_MESSAGE)
      }
    }
    return new StepResponse(member)
  }
)
