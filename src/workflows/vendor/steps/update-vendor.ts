import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"

export type UpdateVendorStepInput = { id: string; update: Record<string, unknown> }

/** Updates profile fields; compensation writes the previous values back. */
export const updateVendorStep = createStep(
  "update-vendor",
  async (input: UpdateVendorStepInput, { container }) => {
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    const before = await service.retrieveVendor(input.id)
    if (typeof input.update.handle === "string") {
      await service.assertHandleFree(input.update.handle, input.id)
    }
    const updated = await service.updateVendors({ id: input.id, ...input.update })
    const previous = Object.fromEntries(Object.keys(input.update).map((k) => [k, before[k as keyof typeof before]]))
    return new StepResponse(updated, { id: input.id, ...previous })
  },
  async (previous, { container }) => {
    if (!previous) return
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    await service.updateVendors(previous)
  }
)
