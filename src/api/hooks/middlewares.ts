import type { MiddlewareRoute } from "@medusajs/framework/http"

// Stripe signs the exact bytes it sent.
export const hookRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/hooks/payouts/stripe", method: ["POST"], bodyParser: { preserveRawBody: true } },
]
