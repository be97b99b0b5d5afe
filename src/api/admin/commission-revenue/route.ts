import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LEDGER_MODULE } from "../../../modules/ledger"
import type LedgerModuleService from "../../../modules/ledger/service"
import type { AdminCommissionRevenueParamsType } from "./validators"

/**
 * GET /admin/commission-revenue?currency_code=&from=&to=: commission earned
 * (net of reversals) per vendor and currency, from the ledger.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminCommissionRevenueParamsType>, res: MedusaResponse) {
  const { from, to, currency_code } = req.validatedQuery
  const ledger: LedgerModuleService = req.scope.resolve(LEDGER_MODULE)
  const rows = await ledger.commissionRevenue({ from, to, currency_code })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const ids = [...new Set(rows.map((r) => r.vendor_id))]
  // Deleted vendors keep their names here: the revenue they brought stays on the books.
  const { data: vendors } = ids.length
    ? await query.graph({ entity: "vendor", fields: ["id", "handle", "name"], filters: { id: ids }, withDeleted: true })
    : { data: [] }
  const byId = new Map(vendors.map((v) => [v.id, v]))
  res.json({
    commission_revenue: rows.map((r) => {
      const vendor = byId.get(r.vendor_id)
      return { ...r, vendor: vendor ? { id: r.vendor_id, handle: vendor.handle, name: vendor.name } : { id: r.vendor_id } }
    }),
  })
}
