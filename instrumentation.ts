import { registerOtel } from "@medusajs/medusa"
import { BatchSpanProcessor } from "@medusajs/framework/opentelemetry/sdk-trace-node"
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http"
import { instrumentWorkflowMetrics } from "./src/lib/metrics/workflows"
import { startMetricsServer } from "./src/lib/metrics/server"

/**
 * Loaded by `medusa start` in every process (API servers and the worker)
 * before the application.
 *
 * - Traces: with OTEL_EXPORTER_OTLP_ENDPOINT set, Medusa's own OpenTelemetry
 *   instrumentation (HTTP layer, Query, workflows and steps, PostgreSQL)
 *   exports spans over OTLP/HTTP in batches (the standard OTEL_* variables
 *   configure the exporter; OTEL_SERVICE_NAME names the process).
 * - Metrics: workflow durations and failures (src/lib/metrics/workflows.ts);
 *   with METRICS_PORT, an internal /metrics port (src/lib/metrics/server.ts).
 */
export function register() {
  if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    const exporter = new OTLPTraceExporter()
    registerOtel({
      serviceName: process.env.OTEL_SERVICE_NAME || "lilium",
      exporter,
      // Batched: Medusa's default (a simple processor) sends one request per span.
      spanProcessors: [new BatchSpanProcessor(exporter)],
      instrument: { http: true, query: true, workflows: true, db: true },
    })
  }
  // After registerOtel: the metrics hooks wrap its workflow spans.
  instrumentWorkflowMetrics()
  const port = Number(process.env.METRICS_PORT)
  if (Number.isInteger(port) && port > 0) startMetricsServer(port, process.env.METRICS_HOST || "127.0.0.1")
}
