import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COMMISSION_MODULE } from "../../../modules/commission"
import type CommissionModuleService from "../../../modules/commission/service"
import type { ComputedCommissionLine } from "./compute-commissions"

/**
 * Stores the commission lines of the vendor orders this split created (the
 * others already have theirs). Compensation deletes them again.
 */
export const createCommissionLinesStep = createStep(
  "create-commission-lines",
  async (
    input: { order_id: string; created: { id: string; vendor_id: string }[]; lines: ComputedCommissionLine[] },
    { container }
  ) => {
    const voOf = new Map(input.created.map((c) => [c.vendor_id, c.id]))
    const rows = input.lines
      .filter((l) => voOf.has(l.vendor_id))
      .map((l) => ({ ...l, order_id: input.order_id, vendor_order_id: voOf.get(l.vendor_id)! }))
    if (!rows.length) return new StepResponse([] as string[], [] as string[])
    const service: CommissionModuleService = container.resolve(COMMISSION_MODULE)
    const created = await service.createCommissionLines(rows as any)
    const ids = (Array.isArray(created) ? created : [created]).map((c: any) => c.id)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    const service: CommissionModuleService = container.resolve(COMMISSION_MODULE)
    await service.deleteCommissionLines(ids)
  }
)
