import type { MiddlewareRoute } from "@medusajs/framework/http"
import { requireVendorRole } from "../context"
import { FINANCE } from "../roles"

export const vendorBalanceRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/vendor/balance", method: ["GET"], middlewares: [requireVendorRole(...FINANCE)] },
]
