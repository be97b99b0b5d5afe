import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { assertAmountFitsCurrency } from "../../../../utils/amounts"
import { assertVendorOrderExists, retrieveVendorOrderDetail } from "../../../../vendor/orders/helpers"
import { refundVendorOrderWorkflow } from "../../../../../workflows/vendor-order/workflows/refund-vendor-order"
import { auditContext } from "../../../../utils/audit"

/**
 * POST /admin/vendor-orders/:id/refunds {amount, note}: refunds part of one
 * vendor's share of the payment, with the ledger reversal.
 */
export async function POST(req: AuthenticatedMedusaRequest<{ amount: number; note: string }>, res: MedusaResponse) {
  await assertVendorOrderExists(req.scope, req.params.id)
  // The body does not name the currency: the amount must fit the vendor order's (JPY has no decimals).
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "vendor_order", fields: ["currency_code"], filters: { id: req.params.id } })
  assertAmountFitsCurrency(req.validatedBody.amount, data[0].currency_code)
  await refundVendorOrderWorkflow(req.scope).run({
    input: {
      vendor_order_id: req.params.id,
      amount: req.validatedBody.amount,
      note: req.validatedBody.note,
      actor_id: req.auth_context.actor_id,
      audit: auditContext(req),
    },
  })
  res.json({ vendor_order: await retrieveVendorOrderDetail(req.scope, req.params.id) })
}
