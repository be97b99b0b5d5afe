import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../utils/validation"
import { requireVendorRole } from "../context"
import { FINANCE } from "../roles"
import { ListPayoutsParams } from "./validators"

export const vendorPayoutsRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/vendor/payouts", method: ["GET"], middlewares: [requireVendorRole(...FINANCE), validateQuery(ListPayoutsParams)] },
  { matcher: "/vendor/payouts/:id", method: ["GET"], middlewares: [requireVendorRole(...FINANCE)] },
]
