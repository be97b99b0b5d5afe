import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { assertVendorOrderExists, retrieveVendorOrderDetail } from "../../../../utils/vendor-orders"
import { refundVendorOrderWorkflow } from "../../../../../workflows/vendor-order/workflows/refund-vendor-order"
import { auditContext } from "../../../../utils/audit"

/**
 * POST /admin/vendor-orders/:id/refunds {amount, note}: refunds part of one
 * vendor's share of the payment, with the ledger reversal.
 */
export async function POST(req: AuthenticatedMedusaRequest<{ amount: number; note: string }>, res: MedusaResponse) {
  await assertVendorOrderExists(req.scope, req.params.id)
  await refundVendorOrderWorkflow(req.scope).run({
    input: { vendor_order_id: req.params.id, amount: req.validatedBody.amount, note: req.validatedBody.note, actor_id: req.auth_context.actor_id, audit: auditContext(req) },
  })
  res.json({ vendor_order: await retrieveVendorOrderDetail(req.scope, req.params.id) })
}
