import { parseCorsOrigins } from "@medusajs/framework/utils"

/**
 * VENDOR_CORS (issue 22): the browser origins of vendor panels. Parsed as
 * Medusa parses STORE_CORS (comma-separated origins, `/regex/` entries) with
 * Medusa's own parseCorsOrigins.
 */
export type CorsOrigins = (string | RegExp)[]

const parsed = new Map<string, CorsOrigins>()

/** The parsed origins of a CORS setting (memoised per string). */
export function corsOrigins(setting: string | undefined): CorsOrigins {
  const key = setting ?? ""
  let hit = parsed.get(key)
  if (!hit) {
    // Spaces around the commas are forgiven (Medusa's own parsing keeps them, so " /re/" would not be a regex there).
    const normalised = key
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .join(",")
    hit = parseCorsOrigins(normalised)
    parsed.set(key, hit)
  }
  return hit
}

/** Whether `origin` is one of `origins`, as the cors package decides it (exact string or regex test). */
export function originAllowed(origin: string | undefined, origins: CorsOrigins): boolean {
  if (!origin) return false
  return origins.some((o) => (typeof o === "string" ? o === origin : o.test(origin)))
}

type HttpConfig = { authCors?: string }

/** AUTH_CORS as the operator set it, before the vendor origins were added (per config object). */
const originalAuthCors = new WeakMap<object, string>()

/**
 * Medusa answers the CORS of /auth/* itself, from AUTH_CORS, before any
 * middleware of Lilium runs (a preflight from another origin ends there
 * without Access-Control-Allow-Origin). So the vendor panel's origins are
 * added to Medusa's authCors once at start (before Medusa builds its /auth
 * CORS handler); the vendor CORS middleware then takes them away again on
 * every /auth route that is not the vendor's (see vendorOnlyOriginOnAuth).
 * Idempotent: a second call recomputes from the original AUTH_CORS.
 */
export function addVendorOriginsToAuthCors(http: HttpConfig, vendorCors: string): void {
  if (!originalAuthCors.has(http)) originalAuthCors.set(http, http.authCors ?? "")
  const original = originalAuthCors.get(http)!
  http.authCors = [original, vendorCors].filter((s) => s.trim() !== "").join(",")
  operatorAuthCors = original
}

let operatorAuthCors: string | undefined

/** AUTH_CORS without the vendor origins (undefined when addVendorOriginsToAuthCors never ran). */
export const authCorsWithoutVendorOrigins = (): string | undefined => operatorAuthCors
