import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../utils/validation"
import { ChangePassword } from "../../auth/validators"
import { requireVendorRole } from "../context"
import { MANAGERS } from "../roles"
import { VendorUpdateMe } from "../validators"
import { VendorMemberNotificationPreferences, VendorUpdateOwnMember } from "./validators"

export const vendorMeRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/vendor/me", method: ["POST"], middlewares: [requireVendorRole(...MANAGERS), validateBody(VendorUpdateMe)] },
  // Every role: a member's own login.
  { matcher: "/vendor/me/password", method: ["POST"], middlewares: [validateBody(ChangePassword)] },
  // Every role: a member's own name and phone number.
  { matcher: "/vendor/me/member", method: ["POST"], middlewares: [validateBody(VendorUpdateOwnMember)] },
  // Every role: a member's own inbox.
  { matcher: "/vendor/me/notification-preferences", method: ["POST"], middlewares: [validateBody(VendorMemberNotificationPreferences)] },
]
