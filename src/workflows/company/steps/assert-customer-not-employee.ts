import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"

export const ALREADY_EMPLOYED = "This customer already belongs to a company; a customer can be an employee of one company only."

/** 400 when the customer is already an employee of a company (the unique index backs this up under races). */
export const assertCustomerNotEmployeeStep = createStep(
  "assert-customer-not-employee",
  async (input: { customer_id: string }, { container }) => {
    const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
    const [employee] = await service.listCompanyEmployees({ customer_id: input.customer_id }, { select: ["id"], take: 1 })
    if (employee) throw new MedusaError(MedusaError.Types.INVALID_DATA, ALREADY_EMPLOYED)
    return new StepResponse(true)
  }
)
