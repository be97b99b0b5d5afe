import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serializePayout } from "../../helpers"
import { settleManualPayoutWorkflow } from "../../../../../workflows/payout/workflows/settle-manual-payout"
import { auditContext } from "../../../../utils/audit"

/** POST /admin/payouts/:id/mark-paid {reference}: the operator paid a manual payout (409 once settled). */
export async function POST(req: AuthenticatedMedusaRequest<{ reference: string }>, res: MedusaResponse) {
  const { result } = await settleManualPayoutWorkflow(req.scope).run({
    input: {
      id: req.params.id,
      outcome: "paid",
      reference: req.validatedBody.reference,
      actor_id: req.auth_context.actor_id,
      audit: auditContext(req),
    },
  })
  res.json({ payout: serializePayout(result, { admin: true }) })
}
