import type { MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { LEDGER_MODULE } from "../../../modules/ledger"
import type LedgerModuleService from "../../../modules/ledger/service"
import { toCsv } from "../../utils/csv"
import type { ListTransactionsParamsType } from "./validators"

const CSV_COLUMNS = [
  "id",
  "created_at",
  "type",
  "amount",
  "currency_code",
  "status",
  "available_at",
  "vendor_order_id",
  "order_id",
  "payout_id",
  "reference",
  "note",
]

/** GET …/transactions for a vendor: filtered, paginated, or CSV (format=csv). */
export async function sendTransactions(scope: MedusaContainer, vendorId: string, query: ListTransactionsParamsType, res: MedusaResponse) {
  const { offset, limit, format, ...filters } = query
  const ledger: LedgerModuleService = scope.resolve(LEDGER_MODULE)
  const page = await ledger.listTransactionsPage({ ...filters, vendor_id: vendorId }, { skip: offset, take: limit })
  if (format === "csv") {
    res.setHeader("content-type", "text/csv; charset=utf-8")
    res.setHeader("content-disposition", `attachment; filename="transactions-${vendorId}.csv"`)
    res.send(toCsv(CSV_COLUMNS, page.transactions))
    return
  }
  res.json({ transactions: page.transactions, count: page.count, offset, limit })
}
