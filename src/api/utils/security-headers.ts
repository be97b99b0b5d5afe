import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/**
 * The response headers helmet sets by default, without the dependency.
 * The Content-Security-Policy is left to the admin's own static server, whose
 * bundle needs inline styles; API responses are JSON and get a locked-down CSP.
 */
const STATIC_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "SAMEORIGIN",
  "Referrer-Policy": "no-referrer",
  "X-DNS-Prefetch-Control": "off",
  "X-Download-Options": "noopen",
  "X-Permitted-Cross-Domain-Policies": "none",
  "X-XSS-Protection": "0",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Origin-Agent-Cluster": "?1",
}

const API_PREFIXES = ["/admin", "/store", "/auth", "/vendor", "/hooks"]

export function securityHeaders(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  applySecurityHeaders(req, res)
  next()
}

/** Also called from the error handler: Medusa's own pre-route middlewares
 * (body parser, publishable key, auth) fail before route middlewares run. */
export function applySecurityHeaders(req: MedusaRequest, res: MedusaResponse) {
  if (res.headersSent) return
  const path = (req.originalUrl ?? req.url).split("?")[0]
  res.removeHeader("X-Powered-By")
  for (const [name, value] of Object.entries(STATIC_HEADERS)) {
    res.setHeader(name, value)
  }
  // Uploaded files are embedded by storefronts on other origins.
  res.setHeader("Cross-Origin-Resource-Policy", path.startsWith("/static") ? "cross-origin" : "same-origin")
  if (API_PREFIXES.some((p) => path.startsWith(p))) {
    res.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
  }
  // HSTS only means something over https (directly or behind a TLS proxy).
  const proto = String(req.headers["x-forwarded-proto"] ?? "")
    .split(",")[0]
    .trim()
  if (req.secure || proto === "https") {
    res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
  }
}
