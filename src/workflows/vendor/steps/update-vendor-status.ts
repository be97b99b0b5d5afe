import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import { nextVendorStatus, type VendorTransition } from "../../../modules/vendor/vendor-status"

const TIMESTAMP = {
  approve: "approved_at",
  reject: "rejected_at",
  suspend: "suspended_at",
  reinstate: "reinstated_at",
} as const satisfies Record<VendorTransition, string>

export type UpdateVendorStatusStepInput = {
  vendor_id: string
  action: VendorTransition
  reason?: string | null
}

/** Applies one status transition (409 when illegal); compensation restores the old row. */
export const updateVendorStatusStep = createStep(
  "update-vendor-status",
  async (input: UpdateVendorStatusStepInput, { container }) => {
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    const vendor = await service.retrieveVendor(input.vendor_id)
    const status = nextVendorStatus(vendor.status, input.action)
    const updated = await service.updateVendors({
      id: vendor.id,
      status,
      status_reason: input.reason ?? null,
      [TIMESTAMP[input.action]]: new Date(),
    })
    return new StepResponse(updated, {
      id: vendor.id,
      status: vendor.status,
      status_reason: vendor.status_reason,
      [TIMESTAMP[input.action]]: vendor[TIMESTAMP[input.action]],
    })
  },
  async (previous, { container }) => {
    if (!previous) return
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    await service.updateVendors(previous)
  }
)
