import { timingSafeEqual } from "node:crypto"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { metricsToken } from "../../options"
import { renderMetrics } from "../../lib/metrics/render"
import { collectMarketplaceMetrics } from "../../utils/marketplace-metrics"

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * GET /metrics: Prometheus text format, for `Authorization: Bearer
 * <METRICS_TOKEN>`. Without METRICS_TOKEN the route does not exist (404):
 * operators who scrape an internal port (METRICS_PORT, instrumentation.ts)
 * need no token on the public one. A wrong or missing token is 401.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const token = metricsToken()
  if (!token) {
    res
      .status(404)
      .json({ type: "not_found", message: "Metrics are not enabled on this port: set METRICS_TOKEN (or scrape METRICS_PORT)." })
    return
  }
  const header = req.headers.authorization ?? ""
  const given = header.startsWith("Bearer ") ? header.slice(7) : ""
  if (!given || !sameToken(given, token)) {
    res.setHeader("WWW-Authenticate", 'Bearer realm="metrics"')
    res.status(401).json({ type: "unauthorized", message: "A valid metrics token is required (Authorization: Bearer <METRICS_TOKEN>)." })
    return
  }
  const { contentType, body } = await renderMetrics(() => collectMarketplaceMetrics(req.scope))
  res.setHeader("Content-Type", contentType)
  res.setHeader("Cache-Control", "no-store")
  res.status(200).send(body)
}
