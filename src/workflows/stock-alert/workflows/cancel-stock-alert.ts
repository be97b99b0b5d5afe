import { createWorkflow, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { cancelStockAlertStep } from "../steps/cancel-stock-alert"

/** DELETE /store/stock-alerts/:id: the caller's own alert only. */
export const cancelStockAlertWorkflow = createWorkflow("cancel-stock-alert", (input: WorkflowData<{ id: string; customer_id: string }>) => {
  return new WorkflowResponse(cancelStockAlertStep(input))
})
