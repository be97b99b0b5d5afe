import type { MiddlewareRoute } from "@medusajs/framework/http"
import { restrictStoreVendorFields } from "./utils/vendor-fields"

// Medusa's own store product routes: the vendor link shows public fields only.
export const storeProductRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/products*", method: ["GET"], middlewares: [restrictStoreVendorFields] },
]
