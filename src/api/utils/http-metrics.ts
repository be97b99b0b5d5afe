import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { httpErrors, httpRequestDuration, statusClass } from "../../lib/metrics"
import { instrumentWorkflowMetrics } from "../../lib/metrics/workflows"

// Every API server measures its workflows, also in a host store that has no
// Lilium instrumentation.ts (the worker gets them from instrumentation.ts).
instrumentWorkflowMetrics()

/**
 * Latency and 5xx counts per route. The route label is Express' matched
 * pattern (`/vendor/orders/:id`), known once the response is finished, so
 * ids never become label values; requests that match no route (404s, probes
 * of random paths) share the label "unmatched".
 */
export function httpMetrics(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const started = process.hrtime.bigint()
  res.once("finish", () => {
    const route = typeof req.route?.path === "string" ? req.route.path : "unmatched"
    const method = req.method
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    httpRequestDuration.observe({ method, route, status_class: statusClass(res.statusCode) }, seconds)
    if (res.statusCode >= 500) httpErrors.inc({ method, route, status: String(res.statusCode) })
  })
  next()
}
