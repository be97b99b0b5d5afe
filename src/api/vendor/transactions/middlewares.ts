import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../utils/validation"
import { requireVendorRole } from "../context"
import { FINANCE } from "../roles"
import { ListTransactionsParams } from "./validators"

export const vendorTransactionsRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/vendor/transactions", method: ["GET"], middlewares: [requireVendorRole(...FINANCE), validateQuery(ListTransactionsParams)] },
  { matcher: "/vendor/transactions/:id", method: ["GET"], middlewares: [requireVendorRole(...FINANCE)] },
]
