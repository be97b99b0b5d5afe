import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../utils/validation"
import { adminMfaRequirement } from "./helpers"
import { AdminUpdateMarketplaceSettings } from "./validators"

export const adminMarketplaceSettingsRoutesMiddlewares: MiddlewareRoute[] = [
  // Every /admin route, after Medusa's authentication: the operator's "require 2FA for admin users".
  { matcher: "/admin*", middlewares: [adminMfaRequirement] },
  { matcher: "/admin/marketplace-settings", method: ["POST"], middlewares: [validateBody(AdminUpdateMarketplaceSettings)] },
]
