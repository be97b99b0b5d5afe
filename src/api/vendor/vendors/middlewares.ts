import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../utils/validation"
import { VendorApply } from "../validators"

export const vendorVendorsRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/vendor/vendors", method: ["POST"], middlewares: [validateBody(VendorApply)] },
]
