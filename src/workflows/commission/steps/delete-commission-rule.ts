import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COMMISSION_MODULE } from "../../../modules/commission"
import type CommissionModuleService from "../../../modules/commission/service"

/** Soft-deletes a rule (lines that used it keep their snapshot); compensation restores it. */
export const deleteCommissionRuleStep = createStep(
  "delete-commission-rule",
  async (id: string, { container }) => {
    await (container.resolve(COMMISSION_MODULE) as CommissionModuleService).softDeleteCommissionRules(id)
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (!id) return
    await (container.resolve(COMMISSION_MODULE) as CommissionModuleService).restoreCommissionRules(id)
  }
)
