import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setCompanyApprovalSettingsStep, type SetApprovalSettingsInput } from "../steps/set-company-approval-settings"

/** A company admin sets the approval threshold (POST /store/companies/me/approval-settings). */
export const setCompanyApprovalSettingsWorkflow = createWorkflow("set-company-approval-settings", (input: SetApprovalSettingsInput) => {
  return new WorkflowResponse(setCompanyApprovalSettingsStep(input))
})
