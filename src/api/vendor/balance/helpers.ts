import type { MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { LEDGER_MODULE } from "../../../modules/ledger"
import type LedgerModuleService from "../../../modules/ledger/service"

/** GET …/balance for a vendor: pending, available and paid out per currency. */
export async function sendBalances(scope: MedusaContainer, vendorId: string, res: MedusaResponse) {
  const ledger: LedgerModuleService = scope.resolve(LEDGER_MODULE)
  res.json({ balances: await ledger.balances(vendorId) })
}
