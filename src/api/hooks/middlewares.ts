import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../utils/validation"
import { UnsubscribeBody, UnsubscribeQuery } from "./validators"

export const hookRoutesMiddlewares: MiddlewareRoute[] = [
  // Stripe signs the exact bytes it sent.
  { matcher: "/hooks/payouts/stripe", method: ["POST"], bodyParser: { preserveRawBody: true } },
  // The signed token is the credential (no sign-in); counted per IP by the /hooks rate limit.
  { matcher: "/hooks/notifications/unsubscribe", method: ["GET"], middlewares: [validateQuery(UnsubscribeQuery)] },
  {
    matcher: "/hooks/notifications/unsubscribe",
    method: ["POST"],
    middlewares: [validateQuery(UnsubscribeQuery), validateBody(UnsubscribeBody)],
  },
]
