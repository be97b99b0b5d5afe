import { createWorkflow, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { composeVendorOrderWithdrawal, type WithdrawVendorOrderInput } from "../utils/compose-withdrawal"

export type CancelVendorOrderInput = WithdrawVendorOrderInput

/**
 * pending or accepted, with nothing fulfilled, → canceled (409 otherwise):
 * the vendor's items and shipping leave the master order through a Medusa
 * order edit, and the vendor's share of the payment is refunded; other
 * vendors' parts are untouched.
 */
export const cancelVendorOrderWorkflow = createWorkflow("cancel-vendor-order", (input: WorkflowData<CancelVendorOrderInput>) => {
  return new WorkflowResponse(composeVendorOrderWithdrawal(input, "cancel"))
})
