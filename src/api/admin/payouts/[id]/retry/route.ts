import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serializePayout } from "../../helpers"
import { retryPayoutWorkflow } from "../../../../../workflows/payout/workflows/retry-payout"
import { auditContext } from "../../../../utils/audit"

/**
 * POST /admin/payouts/:id/retry: sends a failed payout again (a new attempt,
 * debited again) or resumes one an interrupted attempt left open (same
 * idempotency key). A paid payout is 409.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await retryPayoutWorkflow(req.scope).run({ input: { id: req.params.id, audit: auditContext(req) } })
  res.json({ payout: serializePayout(result, { admin: true }) })
}
