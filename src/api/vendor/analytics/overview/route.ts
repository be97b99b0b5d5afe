import type { MedusaResponse } from "@medusajs/framework/http"
import { MathBN } from "@medusajs/framework/utils"
import type { VendorRequest } from "../../context"
import { analyticsCurrency, buildOverview } from "../../../admin/analytics/helpers"
import type { AnalyticsOverviewParamsType } from "../../../admin/analytics/validators"
import { resolveRange } from "../../../../modules/analytics/range"
import { LEDGER_MODULE } from "../../../../modules/ledger"
import type LedgerModuleService from "../../../../modules/ledger/service"

/**
 * GET /vendor/analytics/overview: the caller's sales (gmv), commission,
 * net_total, orders and buyers over the range with the previous period,
 * plus payouts received in the range and the balance now.
 */
export async function GET(req: VendorRequest<unknown, AnalyticsOverviewParamsType>, res: MedusaResponse) {
  const vendorId = req.vendor_context.vendor.id
  const query = req.validatedQuery
  const currency = await analyticsCurrency(req.scope, query.currency_code)
  const range = resolveRange(query)
  const ledger: LedgerModuleService = req.scope.resolve(LEDGER_MODULE)
  // The sales figures and the money figures are read at the same time.
  const [overview, paid, balances] = await Promise.all([
    buildOverview(req.scope, { ...query, currency_code: currency }, vendorId),
    ledger.listPayouts(
      { vendor_id: vendorId, currency_code: currency, status: "paid", paid_at: { $gte: range.from, $lt: range.to } },
      { select: ["amount"] }
    ),
    ledger.balances(vendorId),
  ])
  const balance = balances.find((b) => b.currency_code === overview.currency_code)
  res.json({
    overview: {
      ...overview,
      // Sums in BigNumber: adding the amounts as floats drifts (0.1 + 0.2).
      payouts_received: MathBN.sum(0, ...paid.map((p) => p.amount)).toNumber(),
      pending_balance: balance ? MathBN.add(balance.pending, balance.available).toNumber() : 0,
      balance: balance ?? { currency_code: overview.currency_code, pending: 0, available: 0, in_transit: 0, paid_out: 0 },
    },
  })
}
