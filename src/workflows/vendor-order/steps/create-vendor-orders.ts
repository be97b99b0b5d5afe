import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import type { SplitVendorOrder } from "../../../modules/vendor/types"

export type CreateVendorOrdersStepInput = { order_id: string; splits: SplitVendorOrder[] }

/**
 * Stores the vendor orders of an order; vendors that already have one are
 * skipped, so running the split twice is harmless. Compensation removes
 * only the rows this run created (their display numbers stay used).
 */
export const createVendorOrdersStep = createStep(
  "create-vendor-orders",
  async (input: CreateVendorOrdersStepInput, { container }) => {
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    const created = await service.createVendorOrdersForOrder(input.order_id, input.splits)
    return new StepResponse(created, created.map((c) => c.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    await service.deleteVendorOrdersWithLines(ids)
  }
)
