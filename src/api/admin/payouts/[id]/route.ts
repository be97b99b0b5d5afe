import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrievePayoutDetail, serializeDestination, serializePayout } from "../helpers"
import { serializePayoutAccount } from "../../../vendor/payout-account/helpers"
import { PAYOUT_MODULE } from "../../../../modules/payout"
import type PayoutModuleService from "../../../../modules/payout/service"

/**
 * GET /admin/payouts/:id: the payout, the ledger rows it covers, its
 * postings, and where it goes (bank details whole): the destination copied
 * when the payout was created, so a later change of the vendor's account
 * never redirects it. Payouts from before destinations were recorded show
 * the account as it is.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { payout, covered, postings } = await retrievePayoutDetail(req.scope, req.params.id)
  let payoutAccount: unknown = serializeDestination(payout.destination, { admin: true })
  if (!payoutAccount) {
    const payouts: PayoutModuleService = req.scope.resolve(PAYOUT_MODULE)
    const [account] = await payouts.listPayoutAccounts({ id: payout.payout_account_id })
    payoutAccount = serializePayoutAccount(account, { admin: true })
  }
  res.json({
    payout: { ...serializePayout(payout, { admin: true }), transactions: covered, postings, payout_account: payoutAccount },
  })
}
