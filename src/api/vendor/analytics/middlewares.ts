import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../utils/validation"
import { AnalyticsOverviewParams, AnalyticsSalesParams } from "../../admin/analytics/validators"
import { requireVendorRole } from "../context"
import { FINANCE, ORDER_READERS } from "../roles"
import { VendorAnalyticsQuotesParams, VendorAnalyticsTopParams } from "./validators"

// Analytics are money: owner, admin and finance.
export const vendorAnalyticsRoutesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/vendor/analytics/overview",
    method: ["GET"],
    middlewares: [requireVendorRole(...FINANCE), validateQuery(AnalyticsOverviewParams)],
  },
  {
    matcher: "/vendor/analytics/sales",
    method: ["GET"],
    middlewares: [requireVendorRole(...FINANCE), validateQuery(AnalyticsSalesParams)],
  },
  {
    matcher: "/vendor/analytics/top",
    method: ["GET"],
    middlewares: [requireVendorRole(...FINANCE), validateQuery(VendorAnalyticsTopParams)],
  },
  // The quote funnel is sales work, not money: the roles that see orders.
  {
    matcher: "/vendor/analytics/quotes",
    method: ["GET"],
    middlewares: [requireVendorRole(...ORDER_READERS), validateQuery(VendorAnalyticsQuotesParams)],
  },
]
