import { defineMiddlewares } from "@medusajs/framework/http"
import { securityHeaders } from "./utils/security-headers"
import { authRateLimit } from "./utils/rate-limit"

/**
 * The one place where Lilium wires its middlewares. HTTP hardening comes
 * first: security headers on every response, rate limiting on /auth, and a
 * JSON body size limit (HTTP_BODY_LIMIT, default 1mb; Medusa's routes that
 * need more, such as uploads, keep their own settings).
 */
export default defineMiddlewares({
  routes: [
    {
      matcher: "/*",
      middlewares: [securityHeaders],
      bodyParser: { sizeLimit: process.env.HTTP_BODY_LIMIT || "1mb" },
    },
    {
      matcher: "/auth/*",
      middlewares: [authRateLimit],
    },
  ],
})
