import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrievePayoutDetail, serializePayout, serializePayoutAccount } from "../../../utils/payouts"
import { PAYOUT_MODULE } from "../../../../modules/payout"
import type PayoutModuleService from "../../../../modules/payout/service"

/** GET /admin/payouts/:id: the payout, the ledger rows it covers, its postings, and the account it goes to (bank details whole). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { payout, covered, postings } = await retrievePayoutDetail(req.scope, req.params.id)
  const payouts: PayoutModuleService = req.scope.resolve(PAYOUT_MODULE)
  const [account] = await payouts.listPayoutAccounts({ id: payout.payout_account_id })
  res.json({
    payout: { ...serializePayout(payout, { admin: true }), transactions: covered, postings, payout_account: serializePayoutAccount(account, { admin: true }) },
  })
}
