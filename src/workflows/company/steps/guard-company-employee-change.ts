import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import type { CompanyRole } from "../../../modules/company/models/company-employee"
import { stateConflict } from "../../../lib/errors/state-conflict"
import { LAST_ADMIN_MESSAGE } from "../../../modules/company/service"

export type GuardCompanyEmployeeChangeInput = {
  company_id: string
  employee_id: string
  /** The new role, null when the employee is removed, undefined when the role does not change. */
  new_role?: CompanyRole | null
}

/**
 * The employee must belong to the company (404 otherwise), and the last
 * admin can be neither demoted nor removed (409, as a vendor's last owner).
 * An early answer before anything is written; the write itself re-checks
 * under a lock (changeEmployeeKeepingAnAdmin), which settles races.
 * Returns the employee as it was (with its company's group and currency).
 */
export const guardCompanyEmployeeChangeStep = createStep(
  "guard-company-employee-change",
  async (input: GuardCompanyEmployeeChangeInput, { container }) => {
    const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
    const [employee] = await service.listCompanyEmployees(
      { id: input.employee_id, company_id: input.company_id },
      { relations: ["company"], take: 1 }
    )
    if (!employee) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Employee with id: ${input.employee_id} was not found`)
    const leavesAdmin = employee.role === "admin" && input.new_role !== undefined && input.new_role !== "admin"
    if (leavesAdmin) {
      const admins = await service.listCompanyEmployees({ company_id: input.company_id, role: "admin" }, { select: ["id"] })
      if (admins.length <= 1) {
        throw stateConflict(LAST_ADMIN_MESSAGE)
      }
    }
    return new StepResponse({
      id: employee.id,
      customer_id: employee.customer_id,
      role: employee.role,
      company_id: input.company_id,
      customer_group_id: employee.company.customer_group_id,
      currency_code: employee.company.currency_code,
      spending_limit: employee.spending_limit === null ? null : Number(employee.spending_limit),
      spending_period: employee.spending_period,
    })
  }
)
