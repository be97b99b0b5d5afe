import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { markInvoicePaidWorkflow } from "../../../../../workflows/invoice/workflows/mark-invoice-paid"
import { auditContext } from "../../../../utils/audit"
import { invoicesPage } from "../../../invoices/helpers"
import type { AdminMarkInvoicePaidType } from "../../../invoices/validators"

/**
 * POST /admin/orders/:id/mark-invoice-paid {reference}: the company paid
 * the order's invoice. Open → paid (409 when it is not open any more; 400
 * for an order not paid by invoice; 404 for no order), the payment captured
 * for the amount due, the delivered vendor orders' money released, audited
 * and `invoice.paid` emitted (markInvoicePaidWorkflow). Answers the invoice.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminMarkInvoicePaidType>, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id"], filters: { id: req.params.id } })
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${req.params.id} was not found`)
  const audit = auditContext(req)
  const { result } = await markInvoicePaidWorkflow(req.scope).run({
    input: { order_id: req.params.id, reference: req.validatedBody.reference, actor_id: audit.actor_id, audit },
  })
  const { invoices } = await invoicesPage(req.scope, { order_id: result.order_id }, { offset: 0, limit: 1 })
  res.json({ invoice: invoices[0] })
}
