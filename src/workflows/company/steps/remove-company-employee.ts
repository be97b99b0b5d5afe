import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"

/**
 * Soft-deletes the employee: the customer is in no company any more (the
 * unique index only counts rows not deleted) and can join another. The row
 * stays for the orders it placed. Compensation restores it.
 */
export const removeCompanyEmployeeStep = createStep(
  "remove-company-employee",
  async (id: string, { container }) => {
    const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
    await service.softDeleteCompanyEmployees(id)
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (!id) return
    const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
    await service.restoreCompanyEmployees(id)
  }
)
