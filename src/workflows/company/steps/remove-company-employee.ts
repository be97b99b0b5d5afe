import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"

/**
 * Soft-deletes the employee: the customer is in no company any more (the
 * unique index only counts rows not deleted) and can join another. The row
 * stays for the orders it placed. The last admin stays (409), checked under a
 * lock on the company. Compensation restores the row.
 */
export const removeCompanyEmployeeStep = createStep(
  "remove-company-employee",
  async (input: { company_id: string; employee_id: string }, { container }) => {
    const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
    await service.changeEmployeeKeepingAnAdmin(input.company_id, input.employee_id, "remove")
    return new StepResponse(input.employee_id, input.employee_id)
  },
  async (id, { container }) => {
    if (!id) return
    const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
    await service.restoreCompanyEmployees(id)
  }
)
