import { createWorkflow, transform, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { checkStockAlertVariantStep, type CheckStockAlertVariantInput } from "../steps/check-stock-alert-variant"
import { createStockAlertStep } from "../steps/create-stock-alert"

/** POST /store/stock-alerts: checks the variant (sold in the key's channel, out of stock there), then stores or returns the active alert. */
export const createStockAlertWorkflow = createWorkflow("create-stock-alert", (input: WorkflowData<CheckStockAlertVariantInput>) => {
  const checked = checkStockAlertVariantStep(input)
  const alert = createStockAlertStep(
    transform({ input, checked }, ({ input, checked }) => ({
      customer_id: input.customer_id,
      variant_id: input.variant_id,
      channel: input.channel,
      sales_channel_id: checked.sales_channel_id,
    }))
  )
  return new WorkflowResponse(alert)
})
