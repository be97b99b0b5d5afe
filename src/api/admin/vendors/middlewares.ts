import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import { ListTransactionsParams } from "../../vendor/transactions/validators"
import {
  AdminCreateAdjustment,
  AdminCreateVendor,
  AdminListVendorProducts,
  AdminListVendors,
  AdminUpdateVendor,
  AdminVendorStatusChange,
} from "./validators"

export const adminVendorRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/vendors", method: ["GET"], middlewares: [validateQuery(AdminListVendors)] },
  { matcher: "/admin/vendors", method: ["POST"], middlewares: [validateBody(AdminCreateVendor)] },
  { matcher: "/admin/vendors/:id", method: ["POST"], middlewares: [validateBody(AdminUpdateVendor)] },
  {
    matcher: "/admin/vendors/:id/(approve|reject|suspend|reinstate)",
    method: ["POST"],
    middlewares: [validateBody(AdminVendorStatusChange)],
  },
  // The vendor's ledger, as the vendor sees it (same filters, format=csv).
  { matcher: "/admin/vendors/:id/transactions", method: ["GET"], middlewares: [validateQuery(ListTransactionsParams)] },
  { matcher: "/admin/vendors/:id/products", method: ["GET"], middlewares: [validateQuery(AdminListVendorProducts)] },
  { matcher: "/admin/vendors/:id/adjustments", method: ["POST"], middlewares: [validateBody(AdminCreateAdjustment)] },
]
