import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import { requireVendorRole } from "../context"
import { CATALOG } from "../roles"
import { VendorCreateShippingOption, VendorListParams } from "../validators"

export const vendorShippingOptionsRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/vendor/shipping-options", method: ["GET"], middlewares: [validateQuery(VendorListParams)] },
  {
    matcher: "/vendor/shipping-options",
    method: ["POST"],
    middlewares: [requireVendorRole(...CATALOG), validateBody(VendorCreateShippingOption)],
  },
]
