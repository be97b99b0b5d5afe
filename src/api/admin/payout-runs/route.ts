import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PAYOUT_MODULE } from "../../../modules/payout"
import type PayoutModuleService from "../../../modules/payout/service"
import { serializePayout } from "../payouts/helpers"
import { runPayoutsWorkflow } from "../../../workflows/payout/workflows/run-payouts"
import { minPayout } from "../../../utils/payout-hold"
import { auditContext } from "../../utils/audit"
import type { AdminListPayoutRunsType, RunPayoutsBodyType } from "./validators"

/** GET /admin/payout-runs: past runs, newest first. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListPayoutRunsType>, res: MedusaResponse) {
  const { offset, limit } = req.validatedQuery
  const payouts: PayoutModuleService = req.scope.resolve(PAYOUT_MODULE)
  const [payout_runs, count] = await payouts.listAndCountPayoutRuns({}, { skip: offset, take: limit, order: { created_at: "DESC" } })
  res.json({ payout_runs, count, offset, limit })
}

/**
 * POST /admin/payout-runs {currency_code?}: pays every active vendor with an
 * active payout account its available balance (at least
 * MARKETPLACE_MIN_PAYOUT), now. Returns the run with the payouts it handled.
 */
export async function POST(req: AuthenticatedMedusaRequest<RunPayoutsBodyType>, res: MedusaResponse) {
  const { result } = await runPayoutsWorkflow(req.scope).run({
    input: {
      currency_code: req.validatedBody.currency_code ?? null,
      trigger: "operator",
      created_by: req.auth_context.actor_id,
      min_amount: minPayout(),
      audit: auditContext(req),
    },
  })
  res.json({ payout_run: { ...result, payouts: result.payouts.map((p) => serializePayout(p, { admin: true })) } })
}
