import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import type { CompanyRole, SpendingPeriod } from "../../../modules/company/models/company-employee"
import { ALREADY_EMPLOYED } from "./assert-customer-not-employee"

export type CreateCompanyEmployeeStepInput = {
  company_id: string
  customer_id: string
  role: CompanyRole
  spending_limit?: number | null
  spending_period?: SpendingPeriod | null
}

/**
 * Adds the customer to the company. Two joins of one customer at once: the
 * unique index on customer_id refuses the second, answered as the 400 the
 * check before it gives. The compensation deletes the employee.
 */
export const createCompanyEmployeeStep = createStep(
  "create-company-employee",
  async (input: CreateCompanyEmployeeStepInput, { container }) => {
    const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
    try {
      const employee = await service.createCompanyEmployees({
        company_id: input.company_id,
        customer_id: input.customer_id,
        role: input.role,
        spending_limit: input.spending_limit ?? null,
        spending_period: input.spending_period ?? null,
      })
      return new StepResponse(employee, employee.id)
    } catch (e) {
      const [taken] = await service.listCompanyEmployees({ customer_id: input.customer_id }, { select: ["id"], take: 1 })
      if (taken) throw new MedusaError(MedusaError.Types.INVALID_DATA, ALREADY_EMPLOYED)
      throw e
    }
  },
  async (id, { container }) => {
    if (!id) return
    const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
    await service.deleteCompanyEmployees(id)
  }
)
