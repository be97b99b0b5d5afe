import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { VendorRequest } from "../../context"
import { LEDGER_MODULE } from "../../../../modules/ledger"
import type LedgerModuleService from "../../../../modules/ledger/service"
import { scopedParam, vendorFilters } from "../../scope"

/** GET /vendor/transactions/:id: one of the caller's ledger rows; another vendor's is 404. */
export async function GET(req: VendorRequest, res: MedusaResponse) {
  const ledger: LedgerModuleService = req.scope.resolve(LEDGER_MODULE)
  const { transactions } = await ledger.listTransactionsPage(
    { id: scopedParam(req, "id"), ...vendorFilters(req, "vendor_transaction") },
    { skip: 0, take: 1 }
  )
  if (!transactions[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Transaction with id: ${scopedParam(req, "id")} was not found`)
  res.json({ transaction: transactions[0] })
}
