import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import type { CompanyStatus, PaymentTerms } from "../../../modules/company/models/company"
import { assertCompanyAmount } from "./assert-company-amounts"

export type UpdateCompanyStepInput = {
  id: string
  status?: CompanyStatus
  payment_terms?: PaymentTerms
  credit_limit?: number | null
}

/**
 * The operator's settings of a company: status, payment terms and credit
 * limit (in the company's currency; null removes it). A plain update: these
 * are absolute values set by one operator. The compensation restores them.
 */
export const updateCompanyStep = createStep(
  "update-company",
  async (input: UpdateCompanyStepInput, { container }) => {
    const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
    const [before] = await service.listCompanies({ id: input.id }, { take: 1 })
    if (!before) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Company with id: ${input.id} was not found`)
    assertCompanyAmount("credit_limit", input.credit_limit, before.currency_code)
    const { id, ...changes } = input
    const company = await service.updateCompanies({ id, ...changes })
    return new StepResponse(company, {
      id,
      status: before.status,
      payment_terms: before.payment_terms,
      credit_limit: before.credit_limit === null ? null : Number(before.credit_limit),
    })
  },
  async (previous, { container }) => {
    if (!previous) return
    const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
    await service.updateCompanies(previous)
  }
)
