import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"

export type PriceListCompany = { id: string; name: string; customer_group_id: string }

/**
 * The company a vendor's price list is for: it must exist and be active, and
 * have its customer group (every employee is in it; the price list's rule
 * targets it). 400 otherwise, before anything is written. A read: nothing to
 * compensate.
 */
export const loadPriceListCompanyStep = createStep("load-price-list-company", async (input: { company_id: string }, { container }) => {
  const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
  const [company] = await service.listCompanies(
    { id: input.company_id },
    { select: ["id", "name", "status", "customer_group_id"], take: 1 }
  )
  if (!company) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Company with id: ${input.company_id} was not found`)
  if (company.status !== "active") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `The company ${company.id} is ${company.status}; prices can only be given to an active company.`
    )
  }
  if (!company.customer_group_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `The company ${company.id} has no customer group to give prices to.`)
  }
  const out: PriceListCompany = { id: company.id, name: company.name, customer_group_id: company.customer_group_id }
  return new StepResponse(out)
})
