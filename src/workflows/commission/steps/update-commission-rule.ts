import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COMMISSION_MODULE } from "../../../modules/commission"
import type CommissionModuleService from "../../../modules/commission/service"

const FIELDS = [
  "name",
  "rate_type",
  "value",
  "currency_code",
  "min_amount",
  "max_amount",
  "scope_type",
  "scope_id",
  "priority",
  "starts_at",
  "ends_at",
  "include_shipping",
  "is_active",
  "overrides_vendor_floor",
  "metadata",
]

/**
 * Updates a rule. Past commission lines keep their own snapshot of the rate,
 * so this never changes them. Compensation restores the previous values.
 */
export const updateCommissionRuleStep = createStep(
  "update-commission-rule",
  async (input: { id: string; update: Record<string, unknown> }, { container }) => {
    const service: CommissionModuleService = container.resolve(COMMISSION_MODULE)
    const before: any = await service.retrieveCommissionRule(input.id)
    const rule = await service.updateCommissionRules({ id: input.id, ...input.update })
    const previous = Object.fromEntries(FIELDS.map((f) => [f, before[`raw_${f}`] ?? before[f]]))
    return new StepResponse(rule, { id: input.id, ...previous })
  },
  async (previous, { container }) => {
    if (!previous) return
    await (container.resolve(COMMISSION_MODULE) as CommissionModuleService).updateCommissionRules(previous)
  }
)
