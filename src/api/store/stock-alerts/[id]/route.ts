import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelStockAlertWorkflow } from "../../../../workflows/stock-alert/workflows/cancel-stock-alert"
import { customerId, customerParam } from "../../scope"

/** DELETE /store/stock-alerts/:id: cancels and removes one of the caller's alerts; another customer's is 404. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await cancelStockAlertWorkflow(req.scope).run({
    input: { id: customerParam(req, "id"), customer_id: customerId(req) },
  })
  res.json({ id: result.id, object: "stock_alert", deleted: true })
}
