import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"

/** Soft-deletes a company address (404 when it is not the company's); compensation restores it. */
export const deleteCompanyAddressStep = createStep(
  "delete-company-address",
  async (input: { company_id: string; address_id: string }, { container }) => {
    const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
    const [found] = await companies.listCompanyAddresses(
      { id: input.address_id, company_id: input.company_id },
      { select: ["id"], take: 1 }
    )
    if (!found) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Address with id: ${input.address_id} was not found`)
    await companies.softDeleteCompanyAddresses([input.address_id])
    return new StepResponse(input.address_id, input.address_id)
  },
  async (id, { container }) => {
    if (!id) return
    const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
    await companies.restoreCompanyAddresses([id])
  }
)
