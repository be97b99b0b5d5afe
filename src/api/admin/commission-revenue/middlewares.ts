import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../utils/validation"
import { AdminCommissionRevenueParams } from "./validators"

export const adminCommissionRevenueRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/commission-revenue", method: ["GET"], middlewares: [validateQuery(AdminCommissionRevenueParams)] },
]
