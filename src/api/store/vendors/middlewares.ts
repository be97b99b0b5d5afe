import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../utils/validation"
import { StoreListVendors } from "./validators"

export const storeVendorRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/vendors", method: ["GET"], middlewares: [validateQuery(StoreListVendors)] },
]
