import type { MiddlewareRoute } from "@medusajs/framework/http"
import { checkCartQuantities } from "../../utils/amounts"
import { rejectInactiveVendorCart, rejectInactiveVendorItems } from "../utils/active-vendor-items"

export const storeCartRoutesMiddlewares: MiddlewareRoute[] = [
  // Quantities are whole numbers up to MARKETPLACE_MAX_QUANTITY (src/api/utils/amounts.ts).
  { matcher: "/store/carts", method: ["POST"], middlewares: [checkCartQuantities, rejectInactiveVendorItems] },
  { matcher: "/store/carts/:id/line-items", method: ["POST"], middlewares: [checkCartQuantities, rejectInactiveVendorItems] },
  { matcher: "/store/carts/:id/line-items/:line_id", method: ["POST"], middlewares: [checkCartQuantities] },
  // A vendor suspended after its items went into the cart: refused before anything is written.
  { matcher: "/store/carts/:id/complete", method: ["POST"], middlewares: [rejectInactiveVendorCart] },
]
