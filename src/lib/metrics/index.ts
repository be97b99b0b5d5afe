import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client"

/**
 * Lilium's Prometheus metrics: one registry per process, exported at
 * `GET /metrics` (token) or on the internal METRICS_PORT (worker too). Names
 * follow Prometheus' conventions: `_seconds` for durations, `_total` for
 * counters. Labels are bounded: routes are the matched route pattern
 * (`/vendor/orders/:id`), never the raw URL.
 */
export const metricsRegistry = new Registry()
metricsRegistry.setDefaultLabels({ service: process.env.OTEL_SERVICE_NAME || "lilium" })
collectDefaultMetrics({ register: metricsRegistry, prefix: "lilium_" })

// Web-request buckets around the 200 ms goal (issue 20), up to slow checkouts.
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 5, 10]
const WORKFLOW_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]

export const httpRequestDuration = new Histogram({
  name: "lilium_http_request_duration_seconds",
  help: "HTTP request latency by method, matched route and status class",
  labelNames: ["method", "route", "status_class"] as const,
  buckets: HTTP_BUCKETS,
  registers: [metricsRegistry],
})

export const httpErrors = new Counter({
  name: "lilium_http_errors_total",
  help: "HTTP responses with a 5xx status, by method, matched route and status",
  labelNames: ["method", "route", "status"] as const,
  registers: [metricsRegistry],
})

export const workflowDuration = new Histogram({
  name: "lilium_workflow_duration_seconds",
  help: "Workflow runs (synchronous part) by workflow and outcome (succeeded, failed)",
  labelNames: ["workflow", "outcome"] as const,
  buckets: WORKFLOW_BUCKETS,
  registers: [metricsRegistry],
})

export const workflowFailures = new Counter({
  name: "lilium_workflow_failures_total",
  help: "Workflow runs in which a step failed (the run was compensated), by workflow",
  labelNames: ["workflow"] as const,
  registers: [metricsRegistry],
})

export const workflowStepFailures = new Counter({
  name: "lilium_workflow_step_failures_total",
  help: "Step invocations or compensations that threw, by step and handler type",
  labelNames: ["step", "type"] as const,
  registers: [metricsRegistry],
})

export const webhookFailures = new Counter({
  name: "lilium_webhook_failures_total",
  help: "Incoming webhooks refused or failed, by provider and reason (signature, processing)",
  labelNames: ["provider", "reason"] as const,
  registers: [metricsRegistry],
})

/**
 * Marketplace state, read from the database when scraped (see
 * src/utils/marketplace-metrics.ts): every server reports the same figures, so
 * aggregate them with max(), not sum().
 */
export const marketplaceGauges = {
  orders: new Gauge({
    name: "lilium_orders",
    help: "Orders placed (Medusa orders, not deleted)",
    registers: [metricsRegistry],
  }),
  vendorOrders: new Gauge({
    name: "lilium_vendor_orders",
    help: "Vendor orders by status",
    labelNames: ["status"] as const,
    registers: [metricsRegistry],
  }),
  refunds: new Gauge({
    name: "lilium_refunds",
    help: "Refunds recorded on payments",
    registers: [metricsRegistry],
  }),
  payouts: new Gauge({
    name: "lilium_payouts",
    help: "Payouts by status and provider",
    labelNames: ["status", "provider"] as const,
    registers: [metricsRegistry],
  }),
  stuckWorkflows: new Gauge({
    name: "lilium_workflows_stuck",
    help: "Stored workflow executions still running or compensating after STUCK_WORKFLOW_MINUTES (default 15)",
    registers: [metricsRegistry],
  }),
  eventQueueJobs: new Gauge({
    name: "lilium_event_queue_jobs",
    help: "Jobs in Medusa's Redis queues (events, workflow steps) by queue and state; absent without Redis",
    labelNames: ["queue", "state"] as const,
    registers: [metricsRegistry],
  }),
  scrapeErrors: new Counter({
    name: "lilium_metrics_collect_errors_total",
    help: "Failures reading the marketplace figures for a scrape",
    registers: [metricsRegistry],
  }),
}

/** "2xx" … "5xx" from a status code. */
export function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`
}
