import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import { listVendorOrdersQueryConfig } from "../../vendor/orders/query-config"
import { AdminCreateVendorOrderRefund, AdminListVendorOrders } from "./validators"

export const adminVendorOrderRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/vendor-orders", method: ["GET"], middlewares: [validateQuery(AdminListVendorOrders, listVendorOrdersQueryConfig)] },
  { matcher: "/admin/vendor-orders/:id/refunds", method: ["POST"], middlewares: [validateBody(AdminCreateVendorOrderRefund)] },
]
