import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { savePayoutAccountStep, type SavePayoutAccountInput } from "../steps/save-payout-account"

/** POST /vendor/payout-account: how the vendor wants to be paid. */
export const setVendorPayoutAccountWorkflow = createWorkflow("set-vendor-payout-account", (input: SavePayoutAccountInput) => {
  return new WorkflowResponse(savePayoutAccountStep(input))
})
