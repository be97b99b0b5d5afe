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
  // The sales figures and the money figures (one statement: payouts paid in the range, the balance) at the same time.
  const [overview, money] = await Promise.all([
    buildOverview(req.scope, { ...query, currency_code: currency }, vendorId),
    ledger.vendorMoney(vendorId, currency, range),
  ])
  const balance = money.balance
  res.json({
    overview: {
      ...overview,
      payouts_received: money.payouts_received,
      pending_balance: balance ? MathBN.add(balance.pending, balance.available).toNumber() : 0,
      balance: balance ?? { currency_code: overview.currency_code, pending: 0, available: 0, in_transit: 0, paid_out: 0 },
    },
  })
}
