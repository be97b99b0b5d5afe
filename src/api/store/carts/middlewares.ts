import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../utils/validation"
import { checkCartQuantities } from "../../utils/amounts"
import { rejectInactiveVendorCart, rejectInactiveVendorItems } from "../utils/active-vendor-items"
import { bulkCsvBody } from "./csv"
import { StoreAutoShipping, StoreBulkLineItems } from "./validators"

// Lilium's own cart routes know who is calling, so a registered customer's cart is theirs alone (helpers.ts).
const optionalCustomer = authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })

export const storeCartRoutesMiddlewares: MiddlewareRoute[] = [
  // Quantities are whole numbers up to MARKETPLACE_MAX_QUANTITY (src/api/utils/amounts.ts).
  { matcher: "/store/carts", method: ["POST"], middlewares: [checkCartQuantities, rejectInactiveVendorItems] },
  { matcher: "/store/carts/:id/line-items", method: ["POST"], middlewares: [checkCartQuantities, rejectInactiveVendorItems] },
  { matcher: "/store/carts/:id/line-items/:line_id", method: ["POST"], middlewares: [checkCartQuantities] },
  // Quick order: JSON {items} or text/csv `sku,quantity` (csv.ts), at most 500 lines.
  {
    matcher: "/store/carts/:id/line-items/bulk",
    method: ["POST"],
    middlewares: [optionalCustomer, bulkCsvBody, validateBody(StoreBulkLineItems)],
  },
  {
    matcher: "/store/carts/:id/shipping-methods/auto",
    method: ["POST"],
    middlewares: [optionalCustomer, validateBody(StoreAutoShipping)],
  },
  // A vendor suspended after its items went into the cart: refused before anything is written.
  { matcher: "/store/carts/:id/complete", method: ["POST"], middlewares: [rejectInactiveVendorCart] },
]
