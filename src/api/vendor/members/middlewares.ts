import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import { requireVendorRole } from "../context"
import { MANAGERS } from "../roles"
import { VendorListParams, VendorUpdateMember } from "../validators"

export const vendorMembersRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/vendor/members", method: ["GET"], middlewares: [validateQuery(VendorListParams)] },
  { matcher: "/vendor/members/:id", method: ["POST"], middlewares: [requireVendorRole(...MANAGERS), validateBody(VendorUpdateMember)] },
  { matcher: "/vendor/members/:id", method: ["DELETE"], middlewares: [requireVendorRole(...MANAGERS)] },
]
