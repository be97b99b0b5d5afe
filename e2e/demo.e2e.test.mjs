// Browser tests of the demo marketplace (issue 21): a freshly started and
// seeded marketplace (e2e/stack.mjs, `npm start` as a newcomer runs it) must
// show what Lilium does, with figures that agree:
// - every demo order agrees in Medusa's own terms and with its vendor orders
//   (e2e/demo-checks.mjs, through the Admin API);
// - the operator's analytics show non-zero commission and sales on many days,
//   with a previous period to compare with;
// - a vendor's detail page shows its commission in the ledger and its paid
//   and pending payouts;
// - a paid order's page has no outstanding amount and its vendor split shows
//   the commission; the invoice order awaiting payment does show one;
// - the B2B side is there: the company with its approver, the quote, the
//   approved order.
// Screenshots land in e2e-screenshots/demo-*.png.
import { after, before, test } from "node:test"
import assert from "node:assert/strict"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { chromium } from "playwright-core"
import { ADMIN, startStack } from "./stack.mjs"
import { checkDemoOrders } from "./demo-checks.mjs"

const SHOTS = path.resolve("e2e-screenshots")
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"
let stack
let context
let page
let token

const api = async (p) => {
  const res = await fetch(stack.base + p, { headers: { authorization: `Bearer ${token}` } })
  const body = await res.json()
  assert.equal(res.status, 200, `${p}: ${res.status} ${JSON.stringify(body)}`)
  return body
}
const shot = (name) => page.screenshot({ path: path.join(SHOTS, `demo-${name}.png`), fullPage: true })
const day = (d) => d.toISOString().slice(0, 10)

before(
  async () => {
    fs.mkdirSync(SHOTS, { recursive: true })
    const log = process.env.E2E_VERBOSE ? (m) => process.stdout.write(m) : () => {}
    stack = await startStack({ log, name: "demo" })
    console.log(`# npm start on a fresh database answered after ${Math.round(stack.startMs / 1000)} s`)
    const login = await fetch(`${stack.base}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(ADMIN),
    })
    token = (await login.json()).token
    context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), "lilium-chromium-")), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1440, height: 900 },
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"],
    })
    page = context.pages()[0] ?? (await context.newPage())
    page.setDefaultTimeout(30_000)
    await page.goto(`${stack.base}/app/login`)
    await page.fill('input[name="email"]', ADMIN.email)
    await page.fill('input[name="password"]', ADMIN.password)
    await page.click('button[type="submit"]')
    await page.waitForURL((u) => !u.pathname.endsWith("/login"))
  },
  { timeout: 900_000 }
)

after(async () => {
  await context?.close().catch(() => {})
  await stack?.stop()
})

test("every demo order agrees: summary, payment status, capture and vendor orders", async () => {
  const result = await checkDemoOrders(stack.base, token)
  assert.deepEqual(result.problems, [])
  assert.ok(result.checked >= 18, `only ${result.checked} demo orders`)
  assert.equal(result.checked, result.count)
  assert.equal(result.checked - result.paid, 1, "exactly one order (the open invoice) is not paid")
})

test("analytics: non-zero commission, sales on many days, a previous period to compare with", async () => {
  await page.goto(`${stack.base}/app/marketplace-analytics`)
  const chart = page.getByTestId("sales-chart")
  await chart.waitFor()
  await page.getByTestId("performance-table").waitFor()
  await shot("analytics")

  const tz = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)
  const now = new Date()
  const range = `currency_code=eur&from=${day(new Date(now - 29 * 86_400_000))}&to=${day(now)}&tz=${encodeURIComponent(tz)}`
  const { overview } = await api(`/admin/analytics/overview?${range}`)
  assert.ok(overview.commission_total > 0, `commission ${overview.commission_total}`)
  assert.ok(overview.previous.order_count > 0, "no orders in the previous 30 days")
  assert.notEqual(overview.change.gmv, null)
  const commissionCard = await page.getByTestId("kpi-Commission").textContent()
  assert.doesNotMatch(commissionCard, /€0\.00/)
  assert.match(commissionCard, /€/)

  // The chart's bars: one per day of the page's 30 days, GMV on many of them.
  const bars = await chart.locator("rect").evaluateAll((rects) => rects.map((r) => Number(r.getAttribute("height"))))
  assert.ok(bars.length >= 28, `${bars.length} bars`)
  const days = bars.filter((h) => h > 0).length
  assert.ok(days >= 5, `sales on ${days} days of the last 30`)
  const { series } = await api(`/admin/analytics/sales?${range}&interval=day`)
  assert.equal(series.filter((p) => p.gmv > 0).length, days)

  // Over the whole 90 days: every week has sales; vendor performance has shipping times.
  const quarter = `currency_code=eur&from=${day(new Date(now - 89 * 86_400_000))}&to=${day(now)}&tz=UTC`
  const weeks = (await api(`/admin/analytics/sales?${quarter}&interval=week`)).series
  assert.ok(weeks.filter((w) => w.gmv > 0).length >= 12, `sales in ${weeks.filter((w) => w.gmv > 0).length} weeks`)
  const { vendors } = await api(`/admin/analytics/vendors/performance?${quarter}`)
  assert.ok(vendors.length >= 3)
  assert.ok(vendors.every((v) => v.median_hours_to_ship > 0))
})

test("a vendor's detail page: commission in its ledger, paid and pending payouts", async () => {
  const { vendors } = await api("/admin/vendors?q=papyrus")
  const papyrus = vendors[0]
  await page.goto(`${stack.base}/app/vendors/${papyrus.id}`)
  await page.getByRole("tab", { name: "Ledger" }).click()
  const ledger = page.getByTestId("table-ledger")
  await ledger.waitFor()
  await ledger.getByText("commission", { exact: true }).first().waitFor()
  await shot("vendor-ledger")
  await page.getByRole("tab", { name: "Payouts" }).click()
  const payouts = page.getByTestId("table-payouts")
  await payouts.getByText("paid", { exact: true }).first().waitFor()
  await payouts
    .getByText(/processing|pending/)
    .first()
    .waitFor()
  await shot("vendor-payouts")

  const { transactions } = await api(`/admin/vendors/${papyrus.id}/transactions?limit=500`)
  const commission = transactions.filter((t) => t.type === "commission").reduce((a, t) => a + Math.round(t.amount * 100), 0)
  assert.ok(commission < 0, `Papyrus' commission rows sum to ${commission / 100}`)
  const runs = (await api("/admin/payout-runs")).payout_runs
  assert.ok(runs.length >= 2 && runs.every((r) => r.status === "completed"), JSON.stringify(runs.map((r) => r.status)))
})

test("order pages: nothing outstanding on a paid order, commission in its vendor split; the open invoice shows what is due", async () => {
  const { orders } = await api("/admin/orders?limit=200&fields=id,display_id,total,payment_status,summary.*")
  // Medusa's order page always has the "Outstanding amount" row (summary.pending_difference, shown as "€ 0.00 EUR").
  const outstanding = async () => {
    const row = await page.getByText("Outstanding amount").locator("..").textContent()
    return Number(row.replace("Outstanding amount", "").replace(/[^0-9.-]/g, ""))
  }
  const refunded = orders.find((o) => o.payment_status === "partially_refunded")
  assert.ok(refunded, "no partially refunded demo order")
  for (const order of [refunded, orders.find((o) => o.payment_status === "captured")]) {
    await page.goto(`${stack.base}/app/orders/${order.id}`)
    const split = page.getByTestId("widget-order-split")
    await split
      .getByText(/commission €[1-9]/)
      .first()
      .waitFor()
    await page.getByText("Outstanding amount").waitFor()
    assert.equal(await outstanding(), 0, `order #${order.display_id} shows an outstanding amount`)
    await shot(`order-${order.payment_status}`)
  }
  const open = orders.find((o) => o.payment_status === "authorized")
  await page.goto(`${stack.base}/app/orders/${open.id}`)
  await page.getByText("Outstanding amount").waitFor()
  assert.equal(await outstanding(), open.total, `the open invoice order #${open.display_id}: outstanding ≠ its total`)
  await shot("order-invoice-open")
})

test("the B2B side: the company with its approver, the quote answered and declined, the approved order", async () => {
  const { companies } = await api("/admin/companies?q=kessler")
  assert.equal(companies.length, 1)
  const detail = (await api(`/admin/companies/${companies[0].id}`)).company
  assert.deepEqual(detail.employees.map((e) => e.role).sort(), ["admin", "approver", "buyer"])
  assert.equal(detail.payment_terms, "net_30")
  await page.goto(`${stack.base}/app/companies/${companies[0].id}`)
  await page.getByTestId("employee-row-max@kessler.demo").waitFor()
  await shot("company")

  // The quote: Oakline answered, Papyrus declined (the funnel counts the vendors' parts).
  const { vendors } = await api("/admin/analytics/quotes")
  const part = (handle) => vendors.find((v) => v.vendor.handle === handle)
  assert.deepEqual([part("oakline-furniture")?.quoted, part("oakline-furniture")?.declined, part("papyrus-supplies")?.declined], [1, 0, 1])

  // Lea's order above the company's threshold was approved by Max and placed today.
  const { orders } = await api("/admin/orders?limit=1&order=-created_at&fields=id,email,total")
  assert.equal(orders[0].email, "lea@kessler.demo")
  assert.ok(orders[0].total > 1000)
})
