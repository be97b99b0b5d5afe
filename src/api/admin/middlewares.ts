import type { MiddlewareRoute } from "@medusajs/framework/http"
import { checkPriceAmounts } from "../utils/amounts"

// Prices on Medusa's own admin routes follow the same amount rules as the vendors' (issue 14).
export const adminPriceAmountMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/products*", method: ["POST"], middlewares: [checkPriceAmounts] },
  { matcher: "/admin/price-lists*", method: ["POST"], middlewares: [checkPriceAmounts] },
  { matcher: "/admin/shipping-options*", method: ["POST"], middlewares: [checkPriceAmounts] },
]
