// Browser tests of the operator's Medusa Admin extensions (npm run test:e2e):
// Debian's Chromium driven by playwright-core against a freshly started and
// seeded marketplace. They log in as the seeded admin, open every Lilium
// page and widget, approve the pending demo vendor and create a commission
// rule through the UI, check the results through the API, and save a
// screenshot of each page in e2e-screenshots/admin-*.png.
import { after, before, test } from "node:test"
import assert from "node:assert/strict"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { chromium } from "playwright-core"
import { ADMIN, startStack } from "./stack.mjs"

const SHOTS = path.resolve("e2e-screenshots")
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"
let stack
let context
let page
let token
// The demo buyer founds a company through the Store API in the setup below (the demo seed has none).
const COMPANY = { name: "Acme Demo Purchasing GmbH", email: "purchasing@acme-demo.example", tax_id: "DE123456789" }
const DEMO_BUYER = { email: "buyer@lilium.demo", password: "lilium-buyer" }
let company

const api = async (p, init = {}) => {
  const res = await fetch(stack.base + p, {
    ...init,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...(init.headers ?? {}) },
  })
  const body = await res.json()
  assert.equal(res.status, 200, `${p}: ${res.status} ${JSON.stringify(body)}`)
  return body
}
/** The demo buyer signs in and founds COMPANY with POST /store/companies, as a storefront would. */
async function foundCompany() {
  const { api_keys } = await api("/admin/api-keys?type=publishable&fields=token,revoked_at")
  const key = api_keys.find((k) => !k.revoked_at).token
  const login = await fetch(`${stack.base}/auth/customer/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(DEMO_BUYER),
  })
  const { token: customerToken } = await login.json()
  assert.ok(customerToken, `the demo buyer could not sign in: ${login.status}`)
  const res = await fetch(`${stack.base}/store/companies`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-publishable-api-key": key, authorization: `Bearer ${customerToken}` },
    body: JSON.stringify(COMPANY),
  })
  const body = await res.json()
  assert.equal(res.status, 200, `POST /store/companies: ${res.status} ${JSON.stringify(body)}`)
  return body.company
}
const shot = (name) => page.screenshot({ path: path.join(SHOTS, `admin-${name}.png`), fullPage: true })

before(
  async () => {
    // Only this file's screenshots: the demo's and the vendor panel's stay.
    fs.mkdirSync(SHOTS, { recursive: true })
    for (const f of fs.readdirSync(SHOTS)) if (f.startsWith("admin-")) fs.rmSync(path.join(SHOTS, f))
    const log = process.env.E2E_VERBOSE ? (m) => process.stdout.write(m) : () => {}
    stack = await startStack({ log })
    token = (
      await (
        await fetch(`${stack.base}/auth/user/emailpass`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(ADMIN),
        })
      ).json()
    ).token
    company = await foundCompany()
    // No network here: a fresh profile, and nothing that phones home.
    context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), "lilium-chromium-")), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1440, height: 900 },
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
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

test("Vendors: the list filters by status, and the pending vendor is approved through the UI", async () => {
  await page.goto(`${stack.base}/app/vendors`)
  await page.getByTestId("vendor-row-nordic-notebooks").waitFor()
  for (const handle of ["lumen-office-lighting", "oakline-furniture", "papyrus-supplies"])
    assert.ok(await page.getByTestId(`vendor-row-${handle}`).isVisible())
  await shot("vendors")

  await page.getByTestId("vendor-status-filter").click()
  await page.getByRole("option", { name: "Pending" }).click()
  // A new filter is a new query: the table shows its loading state first, so
  // every row detaches before the pending ones render. Wait for the row
  // rather than asking whether it is visible at this instant.
  await page.getByTestId("vendor-row-lumen-office-lighting").waitFor({ state: "detached" })
  await page.getByTestId("vendor-row-nordic-notebooks").waitFor({ state: "visible" })
  assert.equal(await page.getByTestId("vendor-row-lumen-office-lighting").count(), 0)

  await page.getByRole("link", { name: "Nordic Notebooks" }).click()
  await page.getByTestId("vendor-approve").waitFor()
  await shot("vendor-pending")
  await page.getByTestId("vendor-approve").click()
  await page.getByRole("alertdialog").getByRole("button", { name: "Approve" }).click()
  await page.getByTestId("vendor-status").filter({ hasText: "active" }).waitFor()
  await shot("vendor-approved")

  const { vendors } = await api("/admin/vendors?q=nordic")
  assert.equal(vendors[0].status, "active")
  assert.ok(vendors[0].approved_at)
})

test("Vendor detail: members, products, vendor orders, ledger and payouts tabs", async () => {
  const { vendors } = await api("/admin/vendors?q=lumen")
  await page.goto(`${stack.base}/app/vendors/${vendors[0].id}`)
  await page.getByRole("tab", { name: "Members" }).waitFor()
  for (const [tab, table] of [
    ["Products", "table-products"],
    ["Vendor orders", "table-vendor-orders"],
    ["Ledger", "table-ledger"],
  ]) {
    await page.getByRole("tab", { name: tab }).click()
    await page.getByTestId(table).waitFor()
  }
  await shot("vendor-detail-ledger")
  await page.getByRole("tab", { name: "Payouts" }).click()
  await page.getByTestId("empty").or(page.getByTestId("table-payouts")).first().waitFor()
})

test("Commission rules: a rule created through the UI is what the API returns", async () => {
  await page.goto(`${stack.base}/app/commission-rules`)
  await page.getByTestId("rule-create").click()
  await page.fill("#rule-name", "E2E seven percent")
  await page.fill("#rule-value", "7")
  await page.fill("#rule-priority", "5")
  await page.getByTestId("rule-save").click()
  await page.getByTestId("rule-row-E2E seven percent").waitFor()
  await shot("commission-rules")

  const { commission_rules } = await api("/admin/commission-rules?q=E2E")
  assert.equal(commission_rules.length, 1)
  assert.deepEqual(
    {
      rate_type: commission_rules[0].rate_type,
      value: commission_rules[0].value,
      priority: commission_rules[0].priority,
      scope: commission_rules[0].scope,
      is_active: commission_rules[0].is_active,
    },
    { rate_type: "percentage", value: 7, priority: 5, scope: { type: "global", id: null }, is_active: true }
  )
})

test("Payouts: the list, and a payout run started from the UI", async () => {
  await page.goto(`${stack.base}/app/payouts`)
  await page.getByTestId("payouts-run").waitFor()
  const before = (await api("/admin/payout-runs")).count
  await page.getByTestId("payouts-run").click()
  await page.getByRole("alertdialog").getByRole("button", { name: "Run payouts" }).click()
  await page.getByText(/Payout run done/).waitFor()
  await shot("payouts")
  assert.equal((await api("/admin/payout-runs")).count, before + 1)
})

test("Marketplace analytics: KPI cards, the sales chart, top lists and vendor performance for the demo orders", async () => {
  await page.goto(`${stack.base}/app/marketplace-analytics`)
  await page.getByTestId("kpi-GMV").waitFor()
  await page.getByTestId("sales-chart").waitFor()
  await page.getByTestId("top-table").waitFor()
  await page.getByTestId("performance-table").waitFor()
  await shot("analytics")
  const tz = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)
  const today = new Date().toISOString().slice(0, 10)
  const from = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10)
  const { overview } = await api(`/admin/analytics/overview?currency_code=eur&from=${from}&to=${today}&tz=${encodeURIComponent(tz)}`)
  assert.ok(overview.order_count > 0)
  assert.equal(await page.getByTestId("kpi-Orders").locator("p, span").nth(1).textContent(), String(overview.order_count))
  const href = await page.getByTestId("csv-sales").getAttribute("href")
  assert.match(href, /format=csv/)
})

test("Widgets: the vendor on a product, the vendor split on an order, the vendors on a customer", async () => {
  const { products } = await api("/admin/products?handle=desk-lamp&fields=id")
  await page.goto(`${stack.base}/app/products/${products[0].id}`)
  await page.getByTestId("widget-product-vendor").getByText("Lumen Office Lighting").waitFor()
  await shot("widget-product")

  const { orders } = await api("/admin/orders?fields=id,email&limit=1&order=-created_at")
  await page.goto(`${stack.base}/app/orders/${orders[0].id}`)
  await page
    .getByTestId("widget-order-split")
    .getByText(/commission/)
    .first()
    .waitFor()
  await shot("widget-order")

  const { customers } = await api("/admin/customers?q=buyer@lilium.demo&fields=id")
  await page.goto(`${stack.base}/app/customers/${customers[0].id}`)
  await page.getByTestId("widget-customer-vendors").getByRole("link").first().waitFor()
  await shot("widget-customer")
})

test("Audit log: the approval and the payout run done through the UI are listed, filtered by action, with details and a CSV link", async () => {
  // The Vendors and Payouts tests above approved Nordic Notebooks and started a run as the admin.
  const me = (await api("/admin/users/me")).user
  const approval = (await api("/admin/audit-log?action=vendor.approved&actor_type=user")).audit_entries[0]
  assert.ok(approval, "no vendor.approved entry by a user: the Vendors test above did not approve Nordic Notebooks")
  assert.deepEqual([approval.actor_id, approval.before, approval.after.status], [me.id, { status: "pending" }, "active"])
  const run = (await api("/admin/audit-log?action=payout_run.started&actor_type=user")).audit_entries[0]
  assert.equal(run.actor_id, me.id)

  await page.goto(`${stack.base}/app/audit-log`)
  await page.getByTestId(`audit-row-${approval.id}`).waitFor()
  await page.getByTestId("audit-filter-action").click()
  await page.getByRole("option", { name: "payout_run.started" }).click()
  await page.getByTestId(`audit-row-${approval.id}`).waitFor({ state: "detached" })
  await page.getByTestId(`audit-row-${run.id}`).getByRole("button", { name: "Details" }).click()
  await page.getByRole("dialog").getByText(run.request_id, { exact: false }).waitFor()
  await shot("audit-log")
  const href = await page.getByTestId("audit-csv").getAttribute("href")
  assert.match(href, /action=payout_run\.started/)
  assert.match(href, /format=csv/)
})

test("Companies: the list shows the demo buyer's company, its detail the employee; suspension and terms from the UI; the customer widget", async () => {
  await page.goto(`${stack.base}/app/companies`)
  await page.getByTestId(`company-row-${company.id}`).waitFor()
  await shot("companies")
  // The status filter: not among the suspended ones, back with all statuses; the search finds it by tax id.
  await page.getByTestId("company-status-filter").click()
  await page.getByRole("option", { name: "Suspended" }).click()
  await page.getByTestId(`company-row-${company.id}`).waitFor({ state: "detached" })
  await page.getByTestId("empty").waitFor()
  await page.getByTestId("company-status-filter").click()
  await page.getByRole("option", { name: "All statuses" }).click()
  await page.getByTestId("company-search").fill("de 123456789")
  await page.getByTestId(`company-row-${company.id}`).waitFor()

  await page.getByRole("link", { name: COMPANY.name }).click()
  await page.getByTestId(`employee-row-${DEMO_BUYER.email}`).waitFor()
  assert.match(await page.getByTestId(`employee-row-${DEMO_BUYER.email}`).textContent(), /Admin/)
  await page.getByTestId("company-status").filter({ hasText: "active" }).waitFor()
  await page.getByTestId("spend-all-time").waitFor()
  await shot("company-detail")

  await page.getByTestId("company-suspend").click()
  await page.getByRole("alertdialog").getByRole("button", { name: "Suspend" }).click()
  await page.getByTestId("company-status").filter({ hasText: "suspended" }).waitFor()
  assert.equal((await api(`/admin/companies/${company.id}`)).company.status, "suspended")
  const me = (await api("/admin/users/me")).user
  const entry = (await api(`/admin/audit-log?target_type=company&target_id=${company.id}&action=company.suspended`)).audit_entries[0]
  assert.deepEqual([entry?.actor_id, entry?.before?.status, entry?.after?.status], [me.id, "active", "suspended"])

  // Terms and credit limit: the API's refusal is shown in the form, then a valid change is saved.
  await page.getByTestId("company-edit-terms").click()
  await page.getByTestId("company-credit-limit").fill("100.005")
  await page.getByTestId("company-save").click()
  await page
    .getByTestId("company-form-error")
    .filter({ hasText: /decimals/ })
    .waitFor()
  await shot("company-terms-error")
  await page.getByTestId("company-terms").click()
  await page.getByRole("option", { name: "Net 30" }).click()
  await page.getByTestId("company-credit-limit").fill("2500")
  await page.getByTestId("company-save").click()
  await page.getByTestId("company-payment-terms").filter({ hasText: "Net 30" }).waitFor()
  const saved = (await api(`/admin/companies/${company.id}`)).company
  assert.deepEqual([saved.payment_terms, saved.credit_limit], ["net_30", 2500])

  const { customers } = await api(`/admin/customers?q=${encodeURIComponent(DEMO_BUYER.email)}&fields=id`)
  await page.goto(`${stack.base}/app/customers/${customers[0].id}`)
  const widget = page.getByTestId("widget-customer-company")
  await widget.getByRole("link", { name: COMPANY.name }).waitFor()
  assert.match(await widget.getByTestId("customer-company-role").textContent(), /Admin/)
  await widget.scrollIntoViewIfNeeded()
  await shot("widget-customer-company")
  await widget.getByRole("link", { name: COMPANY.name }).click()
  await page.getByTestId("company-status").filter({ hasText: "suspended" }).waitFor()
})
