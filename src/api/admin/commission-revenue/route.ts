import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LEDGER_MODULE } from "../../../modules/ledger"
import type LedgerModuleService from "../../../modules/ledger/service"

/**
 * GET /admin/commission-revenue?currency_code=&from=&to=: commission earned
 * (net of reversals) per vendor and currency, from the ledger.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { from, to, currency_code } = req.validatedQuery as any
  const ledger: LedgerModuleService = req.scope.resolve(LEDGER_MODULE)
  const rows = await ledger.commissionRevenue({ from, to, currency_code })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const ids = [...new Set(rows.map((r) => r.vendor_id))]
  const { data: vendors } = ids.length
    ? await query.graph({ entity: "vendor", fields: ["id", "handle", "name"], filters: { id: ids }, withDeleted: true } as any)
    : { data: [] as any[] }
  const byId = new Map(vendors.map((v: any) => [v.id, v]))
  res.json({
    commission_revenue: rows.map((r) => ({
      ...r,
      vendor: byId.get(r.vendor_id)
        ? { id: r.vendor_id, handle: byId.get(r.vendor_id).handle, name: byId.get(r.vendor_id).name }
        : { id: r.vendor_id },
    })),
  })
}
