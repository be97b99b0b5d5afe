import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, parseCorsOrigins } from "@medusajs/framework/utils"

/**
 * CSRF guard for cookie-authenticated requests (decision 37).
 *
 * Medusa accepts its session cookie (connect.sid, set by POST /auth/session)
 * on /admin (users), /store (customers) and a few /auth routes, and parses
 * urlencoded and text/plain bodies as well as JSON. So a state-changing
 * request that carries the cookie must prove it was not sent by another
 * site's <form> (or a no-cors fetch):
 *
 * - it is JSON (`application/json`, `*+json`): a cross-origin page cannot
 *   send that without a CORS preflight, which Medusa's CORS lists refuse;
 *   or `multipart/form-data` (uploads) from an allowed origin; or it has no
 *   body and no content type at all;
 * - its Origin (else its Referer), when the browser sends one, is in the
 *   namespace's CORS list (ADMIN_CORS, STORE_CORS, AUTH_CORS) or is the
 *   backend's own host. `Origin: null` (sandboxed frames, redirects) is
 *   refused.
 *
 * Requests with an Authorization header (bearer tokens, secret API keys) are
 * not cookie-authenticated in a way a page can forge: adding that header
 * cross-origin needs a preflight. They, GET/HEAD/OPTIONS and every path
 * outside /admin, /store and /auth pass untouched.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"])
const NAMESPACES = [
  { prefix: "/admin", cors: "adminCors" },
  { prefix: "/store", cors: "storeCors" },
  { prefix: "/auth", cors: "authCors" },
] as const

type Headers = Record<string, string | string[] | undefined>

export type CsrfInput = {
  method: string
  /** The request path (no query string needed). */
  path: string
  headers: Headers
  /** Name of Medusa's session cookie (sessionOptions.name, default connect.sid). */
  sessionCookieName?: string
  /** The CORS lists of projectConfig.http, comma-separated as configured. */
  cors: { adminCors?: string; storeCors?: string; authCors?: string }
}

const header = (headers: Headers, name: string): string | undefined => {
  const v = headers[name]
  return Array.isArray(v) ? v[0] : v
}

export function hasSessionCookie(headers: Headers, name = "connect.sid"): boolean {
  const cookie = header(headers, "cookie")
  if (!cookie) return false
  return cookie.split(";").some((part) => part.trim().startsWith(`${name}=`))
}

function originOf(url: string): string | null {
  try {
    const u = new URL(url)
    return u.protocol === "http:" || u.protocol === "https:" ? u.origin : null
  } catch {
    return null
  }
}

function originAllowed(origin: string, allowed: (string | RegExp)[], hosts: string[]): boolean {
  const o = origin.replace(/\/+$/, "").toLowerCase()
  for (const entry of allowed) {
    if (entry instanceof RegExp ? entry.test(origin) : entry.trim().replace(/\/+$/, "").toLowerCase() === o) return true
  }
  let host: string
  try {
    host = new URL(origin).host.toLowerCase()
  } catch {
    return false
  }
  return hosts.includes(host)
}

/** Why the request is refused as possibly cross-site, or null to let it through. */
export function csrfProblem(input: CsrfInput): string | null {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return null
  const ns = NAMESPACES.find((n) => input.path === n.prefix || input.path.startsWith(`${n.prefix}/`))
  if (!ns) return null
  const { headers } = input
  if (header(headers, "authorization")) return null
  if (!hasSessionCookie(headers, input.sessionCookieName)) return null

  // Where the browser says the request comes from.
  const allowed = parseCorsOrigins(input.cors[ns.cors] ?? "")
  const hosts = [header(headers, "x-forwarded-host"), header(headers, "host")]
    .flatMap((h) => (h ? h.split(",") : []))
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean)
  const origin = header(headers, "origin")
  const referer = header(headers, "referer")
  let provenance: "allowed" | "none" = "none"
  if (origin !== undefined) {
    if (origin === "null") return "Origin: null"
    if (!originAllowed(origin, allowed, hosts)) return `Origin ${origin} is not allowed`
    provenance = "allowed"
  } else if (referer) {
    const from = originOf(referer)
    if (!from || !originAllowed(from, allowed, hosts)) return `Referer ${from ?? "(invalid)"} is not allowed`
    provenance = "allowed"
  }

  // What a form cannot send.
  const type = (header(headers, "content-type") ?? "").split(";")[0].trim().toLowerCase()
  if (!type) {
    const length = header(headers, "content-length")
    const hasBody = (length !== undefined && length !== "0") || header(headers, "transfer-encoding") !== undefined
    return hasBody ? "a body without a content type" : null
  }
  if (type === "application/json" || /^application\/[\w.+-]+\+json$/.test(type)) return null
  if (type === "multipart/form-data") {
    return provenance === "allowed" ? null : "multipart/form-data without an allowed Origin or Referer"
  }
  return `content type ${type}`
}

/** The middleware: 403 before any handler or validator runs. */
export function csrfGuard(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (SAFE_METHODS.has(req.method)) return next()
  const config = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  const problem = csrfProblem({
    method: req.method,
    path: (req.originalUrl ?? req.url).split("?")[0],
    headers: req.headers as Headers,
    sessionCookieName: config.sessionOptions?.name ?? "connect.sid",
    cors: config.http as CsrfInput["cors"],
  })
  if (!problem) return next()
  res.status(403).json({
    type: "not_allowed",
    message:
      `Cross-site request refused (${problem}). Requests authenticated by the session cookie ` +
      `must be JSON from an allowed origin; other clients use a bearer token.`,
  })
}
