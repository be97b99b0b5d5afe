import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteCompanyAddressStep } from "../steps/delete-company-address"

/** DELETE /store/companies/me/addresses/:id: a company admin removes an address. */
export const deleteCompanyAddressWorkflow = createWorkflow(
  "delete-company-address",
  (input: { company_id: string; address_id: string }) => {
    return new WorkflowResponse(deleteCompanyAddressStep(input))
  }
)
