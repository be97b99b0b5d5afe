import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COMMISSION_MODULE } from "../../../modules/commission"
import type CommissionModuleService from "../../../modules/commission/service"

/** Creates a rule; compensation deletes it. */
export const createCommissionRuleStep = createStep(
  "create-commission-rule",
  async (data: Record<string, unknown>, { container }) => {
    const service: CommissionModuleService = container.resolve(COMMISSION_MODULE)
    const rule = await service.createCommissionRules(data)
    return new StepResponse(rule, rule.id)
  },
  async (id, { container }) => {
    if (!id) return
    await (container.resolve(COMMISSION_MODULE) as CommissionModuleService).deleteCommissionRules(id)
  }
)
