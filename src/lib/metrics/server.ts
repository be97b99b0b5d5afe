import http from "node:http"
import { renderMetrics } from "./render"

/**
 * The internal metrics port (METRICS_PORT, bound to METRICS_HOST, default
 * 127.0.0.1): `GET /metrics` without a token, for a Prometheus on the same
 * host or network. Started from instrumentation.ts, so the worker, which has
 * no HTTP server of its own, exports its workflow durations and queue depth
 * too. The marketplace figures (orders, payouts…) come from the API servers'
 * `/metrics`, which have the database at hand.
 */
export function startMetricsServer(port: number, host = "127.0.0.1"): http.Server {
  const server = http.createServer((req, res) => {
    if (req.method !== "GET" || (req.url ?? "").split("?")[0] !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n")
      return
    }
    renderMetrics()
      .then(({ contentType, body }) => res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" }).end(body))
      .catch((e) => res.writeHead(500, { "content-type": "text/plain" }).end(`${e instanceof Error ? e.message : e}\n`))
  })
  server.on("error", (e) => console.error(`[lilium] metrics port ${host}:${port}: ${e.message}`))
  server.listen(port, host)
  server.unref()
  return server
}
