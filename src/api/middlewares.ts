import { defineMiddlewares, errorHandler } from "@medusajs/framework/http"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { applySecurityHeaders, securityHeaders } from "./utils/security-headers"
import { authRateLimit } from "./utils/rate-limit"

/**
 * The one place where Lilium wires its middlewares. HTTP hardening comes
 * first: security headers on every response, rate limiting on /auth, and a
 * JSON body size limit (HTTP_BODY_LIMIT, default 1mb; Medusa's routes that
 * need more, such as uploads, keep their own settings).
 */
const medusaErrorHandler = errorHandler()

export default defineMiddlewares({
  // Medusa's error handler, with the security headers on error responses.
  errorHandler: (err: unknown, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    applySecurityHeaders(req, res)
    return medusaErrorHandler(err, req, res, next)
  },
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
