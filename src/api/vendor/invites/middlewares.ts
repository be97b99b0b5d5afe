import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import { requireVendorRole } from "../context"
import { MANAGERS } from "../roles"
import { VendorAcceptInvite, VendorCreateInvite, VendorListParams } from "../validators"

export const vendorInvitesRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/vendor/invites", method: ["GET"], middlewares: [requireVendorRole(...MANAGERS), validateQuery(VendorListParams)] },
  { matcher: "/vendor/invites", method: ["POST"], middlewares: [requireVendorRole(...MANAGERS), validateBody(VendorCreateInvite)] },
  { matcher: "/vendor/invites/accept", method: ["POST"], middlewares: [validateBody(VendorAcceptInvite)] },
]
