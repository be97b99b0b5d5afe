import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serializePayout } from "../../helpers"
import { settleManualPayoutWorkflow } from "../../../../../workflows/payout/workflows/settle-manual-payout"
import { auditContext } from "../../../../utils/audit"

/** POST /admin/payouts/:id/mark-failed {reason}: a manual payout bounced; its debit is reversed and it can be retried. */
export async function POST(req: AuthenticatedMedusaRequest<{ reason: string }>, res: MedusaResponse) {
  const { result } = await settleManualPayoutWorkflow(req.scope).run({
    input: {
      id: req.params.id,
      outcome: "failed",
      reason: req.validatedBody.reason,
      actor_id: req.auth_context.actor_id,
      audit: auditContext(req),
    },
  })
  res.json({ payout: serializePayout(result, { admin: true }) })
}
