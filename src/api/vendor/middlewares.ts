import type { MiddlewareRoute } from "@medusajs/framework/http"
import { requireActiveVendorForWrites, vendorAuth } from "./context"
import { scopeVendorParams } from "./scope"

/**
 * Every /vendor route: member auth, the vendor context, read-only unless the
 * vendor is active, and the tenant boundary (src/api/vendor/scope.ts): every
 * path parameter must be the caller's own before any handler runs.
 */
export const vendorGuardMiddlewares: MiddlewareRoute[] = [
  { matcher: "/vendor*", middlewares: [vendorAuth, requireActiveVendorForWrites, scopeVendorParams] },
]
