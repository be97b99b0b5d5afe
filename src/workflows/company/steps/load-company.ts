import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"

/** Reads a company (404 when missing). Nothing to compensate. */
export const loadCompanyStep = createStep("load-company", async (input: { id: string }, { container }) => {
  const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
  return new StepResponse(await service.retrieveCompany(input.id))
})
