import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"

export type CreateCompanyStepInput = {
  id: string
  name: string
  email: string
  phone?: string | null
  tax_id?: string | null
  customer_group_id: string
}

/**
 * Creates the company (id chosen by the workflow, so its customer group can
 * carry it in its name). Its currency is the store's default currency: the
 * credit limit and the employees' spending limits are amounts in it.
 * The compensation deletes the company.
 */
export const createCompanyStep = createStep(
  "create-company",
  async (input: CreateCompanyStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "store",
      fields: ["supported_currencies.currency_code", "supported_currencies.is_default"],
    })
    const currencies = (data[0]?.supported_currencies ?? []) as { currency_code: string; is_default: boolean }[]
    const currency_code = (currencies.find((c) => c.is_default) ?? currencies[0])?.currency_code ?? "eur"
    const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
    const company = await service.createCompanies({ ...input, currency_code })
    return new StepResponse(company, company.id)
  },
  async (id, { container }) => {
    if (!id) return
    const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
    await service.deleteCompanies(id)
  }
)
