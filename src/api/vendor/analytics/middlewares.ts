import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../utils/validation"
import { AnalyticsOverviewParams, AnalyticsSalesParams } from "../../admin/analytics/validators"
import { requireVendorRole } from "../context"
import { FINANCE } from "../roles"
import { VendorAnalyticsTopParams } from "./validators"

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
]
