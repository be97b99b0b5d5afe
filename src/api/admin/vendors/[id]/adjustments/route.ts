import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrieveVendorForAdmin } from "../../helpers"
import { postVendorAdjustmentWorkflow } from "../../../../../workflows/ledger/workflows/post-vendor-adjustment"
import { auditContext } from "../../../../utils/audit"

/**
 * POST /admin/vendors/:id/adjustments {amount, currency_code, reason,
 * idempotency_key?}: a signed ledger adjustment, available at once.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<{ amount: number; currency_code: string; reason: string; idempotency_key?: string }>,
  res: MedusaResponse
) {
  await retrieveVendorForAdmin(req.scope, req.params.id)
  const body = req.validatedBody
  const { result } = await postVendorAdjustmentWorkflow(req.scope).run({
    input: {
      vendor_id: req.params.id,
      amount: body.amount,
      currency_code: body.currency_code,
      reason: body.reason,
      created_by: req.auth_context.actor_id,
      audit: auditContext(req),
      idempotency_key: `adjustment:${req.params.id}:${body.idempotency_key ?? crypto.randomUUID()}`,
    },
  })
  res.status(200).json({ transaction: result })
}
