import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { PAYOUT_MODULE } from "../../../../modules/payout"
import type PayoutModuleService from "../../../../modules/payout/service"
import { LEDGER_MODULE } from "../../../../modules/ledger"
import type LedgerModuleService from "../../../../modules/ledger/service"
import { serializePayout } from "../../payouts/helpers"

/** GET /admin/payout-runs/:id: a run with the payouts it created. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const payouts: PayoutModuleService = req.scope.resolve(PAYOUT_MODULE)
  const [run] = await payouts.listPayoutRuns({ id: req.params.id })
  if (!run) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payout run with id: ${req.params.id} was not found`)
  const ledger: LedgerModuleService = req.scope.resolve(LEDGER_MODULE)
  const rows = await ledger.listPayouts({ run_id: run.id }, { order: { created_at: "ASC" } })
  res.json({ payout_run: { ...run, payouts: rows.map((p) => serializePayout(p, { admin: true })) } })
}
