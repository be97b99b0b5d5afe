import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../utils/validation"
import { requireVendorRole } from "../context"
import { FINANCE, MANAGERS } from "../roles"
import { OnboardingLinkBody, SetPayoutAccount } from "./validators"

export const vendorPayoutAccountRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/vendor/payout-account", method: ["GET"], middlewares: [requireVendorRole(...FINANCE)] },
  // Changing where the money goes (or editing it in Stripe's onboarding) is for owners and admins; finance may read it.
  { matcher: "/vendor/payout-account", method: ["POST"], middlewares: [requireVendorRole(...MANAGERS), validateBody(SetPayoutAccount)] },
  {
    matcher: "/vendor/payout-account/onboarding-link",
    method: ["POST"],
    middlewares: [requireVendorRole(...MANAGERS), validateBody(OnboardingLinkBody)],
  },
]
