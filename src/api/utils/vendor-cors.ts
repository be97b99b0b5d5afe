import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { authCorsWithoutVendorOrigins, corsOrigins, originAllowed } from "../../lib/vendor-cors"
import { vendorCors as vendorCorsSetting } from "../../options"

/**
 * CORS for the vendor API (VENDOR_CORS, issue 22). Medusa answers CORS for
 * /store, /admin and /auth only; this does it for /vendor/* the way Medusa
 * does for the store (its parsing, the cors package's answers), without
 * credentials: the vendor API takes bearer tokens, never cookies.
 *
 * - /vendor and /vendor/*: an allowed Origin gets Access-Control-Allow-Origin
 *   (and Vary: Origin); a preflight (OPTIONS) is answered here, 204, with the
 *   methods and the request headers the browser asked for (authorization,
 *   content-type, x-publishable-api-key, …), before the vendor's
 *   authentication, which a preflight never carries.
 * - /auth/*: Medusa's own AUTH_CORS handler answers; the vendor origins were
 *   added to it at start (src/lib/vendor-cors), for the vendor's sign-in
 *   routes only. On any other /auth route an origin that only VENDOR_CORS
 *   allows loses the header again, so a vendor panel cannot read an operator's
 *   or a customer's sign-in answer.
 *
 * Runs before the vendor guard and the rate limits (a 401 or 429 can be read).
 */
const METHODS = "GET,HEAD,PUT,PATCH,POST,DELETE"
// What a panel may read besides the CORS-safelisted headers: CSV file names, rate-limit answers, request ids.
const EXPOSED = "Content-Disposition,Retry-After,RateLimit-Limit,RateLimit-Remaining,RateLimit-Reset,X-Request-Id"
const PREFLIGHT_MAX_AGE = "600"

const under = (path: string, prefix: string) => path === prefix || path.startsWith(prefix + "/")
/** The /auth routes a vendor panel uses: the vendor actor's own, token refresh, two-factor and the e-mail verification link. */
const vendorAuthPath = (path: string) =>
  under(path, "/auth/vendor") || path === "/auth/token/refresh" || under(path, "/auth/mfa") || under(path, "/auth/verification")

function addVary(res: MedusaResponse, field: string) {
  const current = String(res.getHeader("Vary") ?? "")
  const fields = current.split(",").map((f) => f.trim().toLowerCase())
  if (!fields.includes(field.toLowerCase()) && !fields.includes("*")) res.setHeader("Vary", current ? `${current}, ${field}` : field)
}

export function vendorCors(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const path = (req.originalUrl ?? req.url).split("?")[0]
  const origin = req.headers.origin
  if (under(path, "/vendor")) {
    addVary(res, "Origin")
    const allowed = originAllowed(origin, corsOrigins(vendorCorsSetting()))
    if (allowed) {
      res.setHeader("Access-Control-Allow-Origin", origin!)
      res.setHeader("Access-Control-Expose-Headers", EXPOSED)
    }
    if (req.method === "OPTIONS" && req.headers["access-control-request-method"]) {
      if (allowed) {
        res.setHeader("Access-Control-Allow-Methods", METHODS)
        const asked = req.headers["access-control-request-headers"]
        if (asked) {
          res.setHeader("Access-Control-Allow-Headers", String(asked))
          addVary(res, "Access-Control-Request-Headers")
        }
        res.setHeader("Access-Control-Max-Age", PREFLIGHT_MAX_AGE)
      }
      res.statusCode = 204
      res.setHeader("Content-Length", "0")
      res.end()
      return
    }
    return next()
  }
  if (origin && under(path, "/auth") && !vendorAuthPath(path)) {
    const operatorAuthCors = authCorsWithoutVendorOrigins()
    if (
      operatorAuthCors !== undefined &&
      !originAllowed(origin, corsOrigins(operatorAuthCors)) &&
      originAllowed(origin, corsOrigins(vendorCorsSetting()))
    ) {
      res.removeHeader("Access-Control-Allow-Origin")
      res.removeHeader("Access-Control-Allow-Credentials")
    }
  }
  next()
}
