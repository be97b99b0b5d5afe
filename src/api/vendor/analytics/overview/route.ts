import type { MedusaResponse } from "@medusajs/framework/http"
import type { VendorRequest } from "../../context"
import { buildOverview } from "../../../utils/analytics"
import { LEDGER_MODULE } from "../../../../modules/ledger"
import type LedgerModuleService from "../../../../modules/ledger/service"

/**
 * GET /vendor/analytics/overview: the caller's sales (gmv), commission,
 * net_total, orders and buyers over the range with the previous period,
 * plus payouts received in the range and the balance now.
 */
export async function GET(req: VendorRequest, res: MedusaResponse) {
  const vendorId = req.vendor_context.vendor.id
  const overview = await buildOverview(req.scope, req.validatedQuery, vendorId)
  const ledger: LedgerModuleService = req.scope.resolve(LEDGER_MODULE)
  const [paid, balances] = await Promise.all([
    ledger.listPayouts({ vendor_id: vendorId, currency_code: overview.currency_code, status: "paid", paid_at: { $gte: overview.from, $lt: overview.to } } as any, { select: ["amount"] }),
    ledger.balances(vendorId),
  ])
  const balance = balances.find((b) => b.currency_code === overview.currency_code)
  res.json({
    overview: {
      ...overview,
      payouts_received: paid.reduce((sum, p) => Number((sum + Number(p.amount)).toFixed(6)), 0),
      pending_balance: balance ? Number((balance.pending + balance.available).toFixed(6)) : 0,
      balance: balance ?? { currency_code: overview.currency_code, pending: 0, available: 0, in_transit: 0, paid_out: 0 },
    },
  })
}
