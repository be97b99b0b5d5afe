import http from "node:http"
import type { AddressInfo } from "node:net"
import { liliumIntegrationTestRunner } from "../helpers/runner"
import { completeCart, readyCart } from "../helpers/store"
import { sendStripeWebhook, useFakeStripe } from "../helpers/fake-stripe"
import { noThrow } from "../helpers/poll"
import { register } from "../../instrumentation"
import { startMetricsServer } from "../../src/lib/metrics/server"
import { closeOpsRedis } from "../../src/lib/metrics/ops-redis"

// A local OTLP/HTTP receiver: the real exporter (instrumentation.ts) posts
// its JSON batches here, as it would to a collector.
const received: any[] = []
const otlp = http.createServer((req, res) => {
  let body = ""
  req.on("data", (c) => (body += c))
  req.on("end", () => {
    if (req.url === "/v1/traces") received.push(JSON.parse(body))
    res.writeHead(200, { "content-type": "application/json" }).end("{}")
  })
})

// Set before the app loads: instrumentation.ts's register() runs first in
// `medusa start`, so it runs first here (its HTTP-layer spans hook the
// start command, which the in-process runner does not use).
beforeAll(async () => {
  await new Promise<void>((r) => otlp.listen(0, "127.0.0.1", r))
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = `http://127.0.0.1:${(otlp.address() as AddressInfo).port}`
  process.env.OTEL_BSP_SCHEDULE_DELAY = "200"
  register()
})
afterAll(async () => {
  delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT
  await new Promise((r) => otlp.close(r))
  await closeOpsRedis()
})

useFakeStripe()

const TOKEN = "metrics-test-token-0123456789"

/** Prometheus text → { 'name{labels}': value } for the lines that match. */
function samples(text: string, name: string): Map<string, number> {
  const out = new Map<string, number>()
  for (const line of text.split("\n")) {
    if (line.startsWith("#") || !line.startsWith(name)) continue
    const at = line.lastIndexOf(" ")
    out.set(line.slice(0, at), Number(line.slice(at + 1)))
  }
  return out
}
const sum = (m: Map<string, number>, filter: (k: string) => boolean = () => true) =>
  [...m.entries()].filter(([k]) => filter(k)).reduce((s, [, v]) => s + v, 0)

liliumIntegrationTestRunner({
  env: { METRICS_TOKEN: TOKEN, METRICS_CACHE_SECONDS: "0" },
  testSuite: ({ api, basics, catalog, storeHeaders, adminHeaders, getContainer }) => {
    const eur = () => basics().regions.find((r) => r.currency_code === "eur")!
    const variant = (handle: string) => catalog().products.find((p) => p.handle === handle)!.variant_id
    const scrape = async () => {
      const res = await api.get("/metrics", { headers: { authorization: `Bearer ${TOKEN}` } })
      expect(res.headers["content-type"]).toMatch(/^text\/plain;.*version=0\.0\.4/)
      return res.data as string
    }

    it("GET /metrics: token required; latency per matched route, workflows, marketplace figures, webhook failures", async () => {
      expect((await api.get("/metrics", noThrow)).status).toBe(401)
      expect((await api.get("/metrics", { ...noThrow, headers: { authorization: "Bearer wrong" } })).status).toBe(401)

      // A real checkout across two vendors: routes, workflows and two vendor orders.
      const cart = await readyCart(api, storeHeaders(), {
        region_id: eur().id,
        lines: [
          { variant_id: variant("desk-lamp"), quantity: 1 },
          { variant_id: variant("oak-office-chair"), quantity: 1 },
        ],
      })
      const done = await completeCart(api, storeHeaders(), cart.id)
      expect(done.type).toBe("order")
      // A checkout that fails inside Medusa's workflow (no payment session): 400, a failed run.
      const { data: bare } = await api.post("/store/carts", { region_id: eur().id }, storeHeaders())
      expect(
        (await api.post(`/store/carts/${bare.cart.id}/complete`, {}, { ...storeHeaders(), ...noThrow })).status
      ).toBeGreaterThanOrEqual(400)
      // A forged Stripe webhook: 400 and counted.
      expect((await sendStripeWebhook(api, { type: "account.updated", data: { object: {} } }, "whsec_forged")).status).toBe(400)

      const text = await scrape()
      const latency = samples(text, "lilium_http_request_duration_seconds_count")
      // Routes are the matched patterns, never raw ids.
      expect(sum(latency, (k) => k.includes('route="/store/carts/:id/complete"') && k.includes('status_class="2xx"'))).toBe(1)
      expect(sum(latency, (k) => k.includes('route="/store/carts/:id/line-items"'))).toBe(2)
      expect([...latency.keys()].some((k) => k.includes(cart.id))).toBe(false)
      const buckets = samples(text, "lilium_http_request_duration_seconds_bucket")
      expect([...buckets.keys()].some((k) => k.includes('le="0.2"'))).toBe(true)

      const workflows = samples(text, "lilium_workflow_duration_seconds_count")
      expect(sum(workflows, (k) => k.includes('workflow="complete-cart"') && k.includes('outcome="succeeded"'))).toBeGreaterThanOrEqual(1)
      expect(sum(samples(text, "lilium_workflow_failures_total"))).toBeGreaterThanOrEqual(1)
      expect(sum(samples(text, "lilium_workflow_step_failures_total"))).toBeGreaterThanOrEqual(1)

      expect(
        samples(text, "lilium_webhook_failures_total").get(
          'lilium_webhook_failures_total{provider="stripe-connect",reason="signature",service="lilium"}'
        )
      ).toBe(1)

      // The marketplace figures equal the database's.
      const query = getContainer().resolve("query")
      const { metadata: orders } = await query.graph({ entity: "order", fields: ["id"], pagination: { take: 1, skip: 0 } })
      expect(samples(text, "lilium_orders ").size + samples(text, "lilium_orders{").size).toBe(1)
      expect(sum(samples(text, "lilium_orders{"))).toBe(orders!.count)
      const { data: vendorOrders } = await api.get(`/admin/vendor-orders?order_id=${done.order.id}&limit=50`, await adminHeaders())
      expect(vendorOrders.vendor_orders).toHaveLength(2)
      const byStatus = samples(text, "lilium_vendor_orders{")
      const statuses = new Map<string, number>()
      for (const vo of vendorOrders.vendor_orders) statuses.set(vo.status, (statuses.get(vo.status) ?? 0) + 1)
      for (const [status, n] of statuses) {
        expect(sum(byStatus, (k) => k.includes(`status="${status}"`))).toBeGreaterThanOrEqual(n)
      }
      expect(sum(byStatus)).toBe(2)
      expect(samples(text, "lilium_workflows_stuck{").size).toBe(1)
      // Medusa's Redis queues are measured when Redis is in use (the Redis pass of .ci/run), absent otherwise.
      const queues = samples(text, "lilium_event_queue_jobs{")
      if (process.env.REDIS_URL) {
        expect([...queues.keys()].filter((k) => k.includes('queue="events"')).length).toBe(6)
        for (const v of queues.values()) expect(Number.isInteger(v) && v >= 0).toBe(true)
      } else expect(queues.size).toBe(0)
      expect(text).toMatch(/^lilium_process_cpu_user_seconds_total/m)
    })

    it("GET /metrics is 404 without METRICS_TOKEN; the internal METRICS_PORT serves it without a token", async () => {
      delete process.env.METRICS_TOKEN
      try {
        const res = await api.get("/metrics", { ...noThrow, headers: { authorization: `Bearer ${TOKEN}` } })
        expect([res.status, res.data.message]).toEqual([404, expect.stringContaining("METRICS_TOKEN")])
      } finally {
        process.env.METRICS_TOKEN = TOKEN
      }
      await api.get("/store/regions", storeHeaders())
      const server = startMetricsServer(0)
      await new Promise((r) => server.once("listening", r))
      try {
        const port = (server.address() as AddressInfo).port
        const res = await fetch(`http://127.0.0.1:${port}/metrics`)
        expect(res.status).toBe(200)
        const text = await res.text()
        expect(sum(samples(text, "lilium_http_request_duration_seconds_count"), (k) => k.includes('route="/store/regions"'))).toBe(1)
        expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404)
      } finally {
        server.close()
      }
    })

    it("GET /health/ready checks PostgreSQL and Redis; an unreachable Redis is 503", async () => {
      const ready = await api.get("/health/ready")
      expect(ready.data.status).toBe("ready")
      expect(ready.data.checks.database).toEqual({ ok: true, ms: expect.any(Number) })
      if (process.env.REDIS_URL) expect(ready.data.checks.redis).toEqual({ ok: true, ms: expect.any(Number) })
      else expect(ready.data.checks.redis).toEqual({ ok: true, skipped: "REDIS_URL is not set" })

      const before = process.env.REDIS_URL
      process.env.REDIS_URL = "redis://127.0.0.1:1"
      await closeOpsRedis()
      try {
        const down = await api.get("/health/ready", noThrow)
        expect(down.status).toBe(503)
        expect(down.data).toEqual({
          status: "not_ready",
          checks: {
            database: { ok: true, ms: expect.any(Number) },
            redis: { ok: false, ms: expect.any(Number), error: expect.any(String) },
          },
        })
      } finally {
        if (before === undefined) delete process.env.REDIS_URL
        else process.env.REDIS_URL = before
        await closeOpsRedis()
      }
    })

    it("exports OpenTelemetry spans over OTLP/HTTP (workflows, steps, Query) when OTEL_EXPORTER_OTLP_ENDPOINT is set", async () => {
      await api.post("/store/carts", { region_id: eur().id }, storeHeaders())
      const names = () =>
        new Set(
          received.flatMap((b) => b.resourceSpans.flatMap((r: any) => r.scopeSpans.flatMap((s: any) => s.spans.map((sp: any) => sp.name))))
        )
      for (let i = 0; i < 50 && !names().has("workflow:create-cart"); i++) await new Promise((r) => setTimeout(r, 100))
      const seen = names()
      expect(seen.has("workflow:create-cart")).toBe(true)
      expect([...seen].some((n) => n.startsWith("step:"))).toBe(true)
      expect([...seen].some((n) => n.startsWith("query.graph:"))).toBe(true)
      const service = received[0].resourceSpans[0].resource.attributes.find((a: any) => a.key === "service.name")
      expect(service.value.stringValue).toBe("lilium")
    })
  },
})
