import fs from "node:fs"
import path from "node:path"
import { parse } from "yaml"
import { metricsRegistry } from "../index"

const RULES = path.resolve(__dirname, "../../../../ops/prometheus/lilium-alerts.yml")
const MONITORING = path.resolve(__dirname, "../../../../docs/monitoring.md")

// Series a histogram exports besides its own name.
const HISTOGRAM_SUFFIXES = ["_bucket", "_count", "_sum"]

function exportedSeries(): Set<string> {
  const out = new Set<string>()
  for (const metric of metricsRegistry.getMetricsAsArray()) {
    const name = (metric as unknown as { name: string }).name
    const type = (metric as unknown as { type?: string }).type
    out.add(name)
    if (type === "histogram") for (const s of HISTOGRAM_SUFFIXES) out.add(name + s)
  }
  return out
}

describe("ops/prometheus/lilium-alerts.yml", () => {
  const doc = parse(fs.readFileSync(RULES, "utf8"))
  const rules: any[] = doc.groups.flatMap((g: any) => g.rules)

  it("is a Prometheus rule file: named groups of alerts with an expression, a severity and a summary", () => {
    expect(doc.groups.length).toBeGreaterThan(0)
    for (const g of doc.groups) {
      expect(typeof g.name).toBe("string")
      expect(g.rules.length).toBeGreaterThan(0)
    }
    const names = rules.map((r) => r.alert)
    expect(new Set(names).size).toBe(names.length)
    for (const r of rules) {
      expect({ alert: r.alert, ok: typeof r.alert === "string" && /^[A-Z][A-Za-z]+$/.test(r.alert) }).toEqual({ alert: r.alert, ok: true })
      expect(typeof r.expr).toBe("string")
      expect(["page", "ticket"]).toContain(r.labels?.severity)
      expect(typeof r.annotations?.summary).toBe("string")
      if (r.for !== undefined) expect(r.for).toMatch(/^\d+[smh]$/)
      // Balanced brackets: a cheap guard against a truncated expression.
      for (const [open, close] of ["()", "[]", "{}"]) {
        expect({ alert: r.alert, balanced: r.expr.split(open).length === r.expr.split(close).length }).toEqual({
          alert: r.alert,
          balanced: true,
        })
      }
    }
  })

  it("names only metrics that Lilium exports, and covers the alerts issue 20 asks for", () => {
    const exported = exportedSeries()
    const named = new Set(rules.flatMap((r) => r.expr.match(/\blilium_[a-z_]+/g) ?? []))
    expect([...named].filter((m) => !exported.has(m))).toEqual([])
    // error rate, checkout latency, payout failures, webhook signature failures, stuck workflows
    for (const alert of [
      "LiliumHighErrorRate",
      "LiliumCheckoutSlow",
      "LiliumPayoutFailures",
      "LiliumWebhookSignatureFailures",
      "LiliumStuckWorkflows",
    ]) {
      expect(rules.map((r) => r.alert)).toContain(alert)
    }
  })

  it("is explained alert by alert in docs/monitoring.md", () => {
    const doc = fs.readFileSync(MONITORING, "utf8")
    expect(rules.map((r) => r.alert).filter((a) => !doc.includes(a))).toEqual([])
  })
})
