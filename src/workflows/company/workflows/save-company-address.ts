import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { saveCompanyAddressStep, type SaveCompanyAddressInput } from "../steps/save-company-address"

/** POST /store/companies/me/addresses(/:id): a company admin adds or changes an address. */
export const saveCompanyAddressWorkflow = createWorkflow("save-company-address", (input: SaveCompanyAddressInput) => {
  return new WorkflowResponse(saveCompanyAddressStep(input))
})
