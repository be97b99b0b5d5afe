import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../utils/validation"
import {
  AnalyticsOverviewParams,
  AnalyticsPerformanceParams,
  AnalyticsQuotesParams,
  AnalyticsSalesParams,
  AnalyticsTopParams,
} from "./validators"

export const adminAnalyticsRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/analytics/overview", method: ["GET"], middlewares: [validateQuery(AnalyticsOverviewParams)] },
  { matcher: "/admin/analytics/sales", method: ["GET"], middlewares: [validateQuery(AnalyticsSalesParams)] },
  { matcher: "/admin/analytics/top", method: ["GET"], middlewares: [validateQuery(AnalyticsTopParams)] },
  { matcher: "/admin/analytics/vendors/performance", method: ["GET"], middlewares: [validateQuery(AnalyticsPerformanceParams)] },
  { matcher: "/admin/analytics/quotes", method: ["GET"], middlewares: [validateQuery(AnalyticsQuotesParams)] },
]
