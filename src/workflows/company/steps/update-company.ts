import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import type { CompanyStatus, PaymentTerms } from "../../../modules/company/models/company"
import { assertCompanyAmount } from "./assert-company-amounts"

export type UpdateCompanyStepInput = {
  id: string
  // The operator's settings.
  status?: CompanyStatus
  payment_terms?: PaymentTerms
  credit_limit?: number | null
  // The company's own profile (its admins).
  name?: string
  email?: string
  phone?: string | null
  tax_id?: string | null
  timezone?: string
}

const PROFILE = ["name", "email", "phone", "tax_id", "timezone"] as const

/**
 * A company's settings: the operator's (status, payment terms, credit limit
 * in the company's currency; null removes it) or its admins' profile (name,
 * e-mail, phone, tax id, time zone). A plain update: these are absolute
 * values. The compensation restores what was there.
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
      ...Object.fromEntries(PROFILE.map((k) => [k, before[k]])),
    })
  },
  async (previous, { container }) => {
    if (!previous) return
    const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
    await service.updateCompanies(previous)
  }
)
