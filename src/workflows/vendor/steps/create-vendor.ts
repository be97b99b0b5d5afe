import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import { handleFromName } from "../../../modules/vendor/service"

export type CreateVendorStepInput = {
  name: string
  handle?: string | null
  email: string
  phone?: string | null
  legal_name?: string | null
  tax_id?: string | null
  registration_number?: string | null
  address?: Record<string, unknown> | null
  logo_url?: string | null
  description?: string | null
  default_currency_code?: string
  status?: "pending" | "active"
  metadata?: Record<string, unknown> | null
}

/** Creates the vendor; a missing handle is derived from the name and made unique. */
export const createVendorStep = createStep(
  "create-vendor",
  async (input: CreateVendorStepInput, { container }) => {
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    if (input.handle) await service.assertHandleFree(input.handle)
    const handle = input.handle ?? (await service.findFreeHandle(handleFromName(input.name)))
    const now = new Date()
    const vendor = await service.createVendors({
      ...input,
      handle,
      approved_at: input.status === "active" ? now : null,
    })
    return new StepResponse(vendor, vendor.id)
  },
  async (id, { container }) => {
    if (!id) return
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    await service.deleteVendors(id)
  }
)
