import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import type { CompanyRole, SpendingPeriod } from "../../../modules/company/models/company-employee"
import { assertCompanyAmount, spendingRule } from "./assert-company-amounts"

export type UpdateCompanyEmployeeStepInput = {
  before: {
    id: string
    company_id: string
    role: CompanyRole
    currency_code: string
    spending_limit: number | null
    spending_period: SpendingPeriod | null
  }
  role?: CompanyRole
  spending_limit?: number | null
  spending_period?: SpendingPeriod | null
}

/**
 * Sets role and spending limit. The limit is checked in the company's
 * currency, and a limit needs its period (clearing the limit clears the
 * period). The write keeps the company an admin under a lock on the company
 * (the guard step's check alone would let two concurrent demotions pass).
 * The compensation puts the previous values back.
 */
export const updateCompanyEmployeeStep = createStep(
  "update-company-employee",
  async (input: UpdateCompanyEmployeeStepInput, { container }) => {
    const { before } = input
    assertCompanyAmount("spending_limit", input.spending_limit, before.currency_code)
    const limit = spendingRule({
      spending_limit: input.spending_limit !== undefined ? input.spending_limit : before.spending_limit,
      spending_period: input.spending_period !== undefined ? input.spending_period : before.spending_period,
    })
    const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
    await service.changeEmployeeKeepingAnAdmin(before.company_id, before.id, {
      role: input.role ?? before.role,
      spending_limit: limit.spending_limit,
      spending_period: limit.spending_period,
    })
    const employee = await service.retrieveCompanyEmployee(before.id)
    return new StepResponse(employee, {
      id: before.id,
      role: before.role,
      spending_limit: before.spending_limit,
      spending_period: before.spending_period,
    })
  },
  async (previous, { container }) => {
    if (!previous) return
    const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
    await service.updateCompanyEmployees(previous)
  }
)
