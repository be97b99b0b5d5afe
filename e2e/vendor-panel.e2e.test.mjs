// Browser tests of the vendor panel (issue 22; npm run test:e2e): Debian's
// Chromium driven by playwright-core against a freshly started and seeded
// marketplace (e2e/stack.mjs: scripts/start.mjs, which builds and serves the
// panel at /vendor-panel). A demo vendor signs in, creates a product with
// stock, sees a new order arrive after a Store API checkout, accepts, fulfils
// and ships it and sees its balance move; a member of another vendor sees
// none of it, a catalog member sees no finance screens, and a newcomer applies.
// Screenshots of each screen land in e2e-screenshots/vendor-panel-*.png.
/* global document */
import { after, before, test } from "node:test"
import assert from "node:assert/strict"
import fs from "node:fs"
import http from "node:http"
import path from "node:path"
import pg from "pg"
import { chromium } from "playwright-core"
import { ADMIN, startStack } from "./stack.mjs"

const SHOTS = path.resolve("e2e-screenshots")
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"
const LUMEN = { email: "owner@lumen.demo", password: "lilium-vendor" }
const OAKLINE = { email: "owner@oakline.demo", password: "lilium-vendor" }
// Unique per run, so that a run against a marketplace already used (VENDOR_PANEL_E2E_BASE) does not collide.
const RUN = Date.now().toString(36)
const PRODUCT = {
  title: `Panel E2E Reading Lamp ${RUN}`,
  handle: `panel-e2e-reading-lamp-${RUN}`,
  sku: `PANEL-E2E-${RUN}`,
  eur: "19.90",
  usd: "21.90",
  stock: "7",
}
const BUYER_EMAIL = `panel-e2e-buyer-${RUN}@example.com`
const ADDRESS = {
  first_name: "Erika",
  last_name: "Muster",
  company: "Muster GmbH",
  address_1: "Hauptstraße 5",
  city: "Berlin",
  postal_code: "10115",
  country_code: "de",
  phone: "+49301234567",
}

let stack
let browser
let page
let publishableKey
let adminToken
let lumenToken
let product
let vendorOrder
const external = []

const cents = (v) => Math.round(Number(v) * 100)
const euro = (v) => new Intl.NumberFormat("en-US", { style: "currency", currency: "EUR" }).format(Number(v))

async function call(p, { token, method = "GET", body, key } = {}) {
  const res = await fetch(stack.base + p, {
    method,
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(key ? { "x-publishable-api-key": key } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  const json = text ? JSON.parse(text) : {}
  return { status: res.status, body: json }
}
async function ok(p, opts) {
  const res = await call(p, opts)
  assert.ok(res.status < 300, `${opts?.method ?? "GET"} ${p}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}
const signIn = async (actor, creds) => (await ok(`/auth/${actor}/emailpass`, { method: "POST", body: creds })).token
const store = (p, body, token) => ok(p, { method: body === undefined ? "GET" : "POST", body, key: publishableKey, token })

/** A fresh browser context (its own localStorage, so its own sign-in) at the given viewport. */
async function newPage(viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport })
  const p = await context.newPage()
  p.setDefaultTimeout(30_000)
  p.on("request", (r) => {
    const u = new URL(r.url())
    if (!["http:", "https:"].includes(u.protocol)) return
    if (u.origin !== stack.base) external.push(r.url())
  })
  return p
}
const exact = (text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`)
const statusIs = (p, text) => p.locator('[data-testid="order-detail-status"]', { hasText: exact(text) }).waitFor()
/** A page served from another origin (<host>:<port>), as a vendor panel hosted elsewhere would be. */
const origins = {}
async function pageServer(host) {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" })
    res.end("<!doctype html><title>elsewhere</title>")
  })
  await new Promise((r) => server.listen(0, "0.0.0.0", r))
  return { server, origin: `http://${host}:${server.address().port}` }
}
const panel = (p = "") => `${stack.base}/vendor-panel/${p.replace(/^\//, "")}`
const shot = (p, name) => p.screenshot({ path: path.join(SHOTS, `vendor-panel-${name}.png`), fullPage: true })

async function signInPanel(p, creds) {
  await p.goto(panel("login"))
  await p.fill('input[name="email"]', creds.email)
  await p.fill('input[name="password"]', creds.password)
  await p.click('button[type="submit"]')
  await p.waitForURL((u) => !u.pathname.endsWith("/login"))
  await p.getByTestId("vendor-name").waitFor()
}

before(
  async () => {
    fs.mkdirSync(SHOTS, { recursive: true })
    for (const f of fs.readdirSync(SHOTS)) if (f.startsWith("vendor-panel-")) fs.rmSync(path.join(SHOTS, f))
    const log = process.env.E2E_VERBOSE ? (m) => process.stdout.write(m) : () => {}
    // Two local pages on other origins for the CORS test: one allowed by VENDOR_CORS, one not.
    origins.allowed = await pageServer("127.0.0.1")
    origins.other = await pageServer("localhost")
    process.env.VENDOR_CORS = origins.allowed.origin
    // VENDOR_PANEL_E2E_BASE: run against a marketplace already started with the demo seed (a fresh one each time).
    stack = process.env.VENDOR_PANEL_E2E_BASE
      ? { base: process.env.VENDOR_PANEL_E2E_BASE, url: process.env.VENDOR_PANEL_E2E_DATABASE_URL, stop: async () => {} }
      : await startStack({ log, name: "vendor_panel" })
    adminToken = await signIn("user", ADMIN)
    // The storefront's key (the marketplace sales channel), as npm start prints it; Medusa also creates a default one.
    const { api_keys } = await ok("/admin/api-keys?type=publishable&fields=token,revoked_at,title", { token: adminToken })
    const live = api_keys.filter((k) => !k.revoked_at)
    publishableKey = (live.find((k) => k.title === "Lilium Storefront") ?? live[0]).token
    lumenToken = await signIn("vendor", LUMEN)
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    })
    page = await newPage()
  },
  { timeout: 900_000 }
)

after(async () => {
  for (const o of Object.values(origins)) o.server.close()
  await browser?.close().catch(() => {})
  await stack?.stop()
})

test("the panel is served at /vendor-panel: every path is the app, assets are cached, nothing comes from elsewhere", async () => {
  const res = await fetch(panel("orders/some-id"))
  assert.equal(res.status, 200)
  assert.match(res.headers.get("content-type"), /^text\/html/)
  assert.match(res.headers.get("content-security-policy"), /script-src 'self'/)
  const html = await res.text()
  assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//, "the page loads nothing from another origin")
  const asset = /src="([^"]+\.js)"/.exec(html)[1]
  const js = await fetch(stack.base + asset)
  assert.equal(js.status, 200)
  assert.match(js.headers.get("cache-control"), /immutable/)
  assert.equal((await fetch(panel("assets/missing.js"))).status, 404)
})

test("VENDOR_CORS in a browser: a page on the allowed origin signs in and reads /vendor/me; a page on another origin cannot", async () => {
  // Its own context: these pages are on other origins on purpose (not counted as requests leaving the machine).
  const context = await browser.newContext()
  const results = {}
  for (const [name, { origin }] of Object.entries(origins)) {
    const p = await context.newPage()
    await p.goto(origin)
    results[name] = await p.evaluate(
      async ({ base, creds }) => {
        const out = {}
        try {
          const auth = await fetch(`${base}/auth/vendor/emailpass`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(creds),
          })
          out.signIn = auth.status
          out.token = (await auth.json()).token ? "yes" : "no"
        } catch (e) {
          out.signIn = String(e)
        }
        try {
          // The headers the js-sdk sends: a preflight with authorization and content-type.
          const me = await fetch(`${base}/vendor/me`, {
            headers: { authorization: `Bearer ${creds.token}`, "content-type": "application/json", "x-publishable-api-key": "pk_test" },
          })
          out.me = me.status
          out.handle = (await me.json()).vendor?.handle
        } catch (e) {
          out.me = String(e)
        }
        return out
      },
      { base: stack.base, creds: { ...LUMEN, token: lumenToken } }
    )
    await p.close()
  }
  await context.close()
  assert.deepEqual(results.allowed, { signIn: 200, token: "yes", me: 200, handle: "lumen-office-lighting" })
  assert.deepEqual(results.other, { signIn: "TypeError: Failed to fetch", me: "TypeError: Failed to fetch" })
})

test("sign in as a demo vendor: a wrong password is refused, then the dashboard shows the vendor's figures and sales chart", async () => {
  await page.goto(panel(""))
  await page.waitForURL(/\/vendor-panel\/login/)
  await shot(page, "login")
  await page.fill('input[name="email"]', LUMEN.email)
  await page.fill('input[name="password"]', "not-the-password")
  await page.click('button[type="submit"]')
  await page.getByTestId("login-error").waitFor()
  await page.fill('input[name="password"]', LUMEN.password)
  await page.click('button[type="submit"]')
  await page.getByTestId("dashboard").waitFor()
  assert.equal(await page.getByTestId("vendor-name").textContent(), "Lumen Office Lighting")
  const { overview } = await ok("/vendor/analytics/overview", { token: lumenToken })
  await page.getByTestId("stat-gmv-value").waitFor()
  assert.equal(await page.getByTestId("stat-gmv-value").textContent(), euro(overview.gmv))
  await page.getByTestId("sales-chart").waitFor()
  await shot(page, "dashboard")
})

test("create a product with variants' prices and stock: it is listed, priced and stocked at the vendor's location", async () => {
  await page.getByTestId("nav-products").click()
  await page.getByTestId("products").waitFor()
  await page.getByTestId("new-product").click()
  await page.getByTestId("product-form").waitFor()
  await page.fill("#title", PRODUCT.title)
  await page.fill('input[name="variant-0-sku"]', PRODUCT.sku)
  await page.fill('input[name="variant-0-price-eur"]', PRODUCT.eur)
  await page.fill('input[name="variant-0-price-usd"]', PRODUCT.usd)
  await page.fill('input[name="variant-0-stock"]', PRODUCT.stock)
  await shot(page, "product-new")
  await page.getByTestId("save-product").click()
  await page.getByTestId(`product-row-${PRODUCT.handle}`).waitFor()
  await shot(page, "products")

  const { products } = await ok("/vendor/products?limit=50", { token: lumenToken })
  product = products.find((p) => p.handle === PRODUCT.handle)
  assert.ok(product, "the product is the vendor's")
  assert.equal(product.status, "published")
  const prices = Object.fromEntries(product.variants[0].prices.map((p) => [p.currency_code, cents(p.amount)]))
  assert.deepEqual(prices, { eur: cents(PRODUCT.eur), usd: cents(PRODUCT.usd) })
  const { inventory_items } = await ok(`/admin/inventory-items?sku=${PRODUCT.sku}`, { token: adminToken })
  assert.equal(inventory_items.length, 1)
  assert.equal(inventory_items[0].stocked_quantity, Number(PRODUCT.stock))
  const { vendor } = await ok("/vendor/me", { token: lumenToken })
  const levels = inventory_items[0].location_levels.map((l) => l.location_id)
  const { stock_locations } = await ok(`/admin/stock-locations?fields=id,name`, { token: adminToken })
  assert.equal(levels.length, 1, "stock at one location: the vendor's")
  assert.ok(
    stock_locations.some((l) => l.id === levels[0]),
    `location ${levels[0]} exists (vendor ${vendor.handle})`
  )
})

test("a Store API checkout arrives as a new order; accept, fulfil and ship it in two parts, deliver it, and the balance moves", async () => {
  assert.ok(product, "needs the product of the previous test")
  const balanceBefore = (await ok("/vendor/balance", { token: lumenToken })).balances.find((b) => b.currency_code === "eur")
  const pendingBefore = cents(balanceBefore?.pending ?? 0)

  // The checkout, as a storefront does it (guest, EUR region, the cheapest option per shipping profile, system payment).
  const { regions } = await store("/store/regions")
  const region = regions.find((r) => r.currency_code === "eur")
  const { cart } = await store("/store/carts", { region_id: region.id })
  await store(`/store/carts/${cart.id}/line-items`, { variant_id: product.variants[0].id, quantity: 2 })
  await store(`/store/carts/${cart.id}`, { email: BUYER_EMAIL, shipping_address: ADDRESS, billing_address: ADDRESS })
  const { shipping_options } = await store(`/store/shipping-options?cart_id=${cart.id}`)
  const cheapest = new Map()
  for (const o of shipping_options)
    if (!cheapest.has(o.shipping_profile_id) || o.amount < cheapest.get(o.shipping_profile_id).amount)
      cheapest.set(o.shipping_profile_id, o)
  for (const o of cheapest.values()) await store(`/store/carts/${cart.id}/shipping-methods`, { option_id: o.id })
  const { payment_collection } = await store("/store/payment-collections", { cart_id: cart.id })
  await store(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
  const completed = await store(`/store/carts/${cart.id}/complete`, {})
  assert.equal(completed.type, "order", JSON.stringify(completed))

  const { vendor_orders } = await ok(`/vendor/orders?q=${encodeURIComponent(BUYER_EMAIL)}`, { token: lumenToken })
  assert.equal(vendor_orders.length, 1)
  vendorOrder = vendor_orders[0]
  assert.equal(vendorOrder.status, "pending")

  // The new order in the list, then its page.
  await page.getByTestId("nav-orders").click()
  await page.getByTestId(`order-row-${vendorOrder.display_id}`).waitFor()
  await shot(page, "orders")
  await page.getByTestId(`order-row-${vendorOrder.display_id}`).click()
  await page.getByTestId("order-detail").waitFor()
  const status = page.getByTestId("order-detail-status")
  assert.equal(await status.textContent(), "Pending")
  assert.equal(await page.getByTestId("order-total").textContent(), euro(vendorOrder.total))
  await shot(page, "order-pending")

  await page.getByTestId("accept-order").click()
  await statusIs(page, "Accepted")
  // Fulfil in parts: one of the two units, then the other (the order is fulfilled once both are).
  await page.locator('[data-testid="fulfil-form"] input[type="number"]').fill("1")
  await page.getByTestId("fulfil-order").click()
  await page.getByTestId("fulfillment-0").waitFor()
  await page.locator('[data-testid="fulfil-form"] label', { hasText: "(1 to fulfil)" }).waitFor()
  assert.equal(await status.textContent(), "Accepted")
  await page.getByTestId("fulfil-order").click()
  await page.getByTestId("fulfillment-1").waitFor()
  await statusIs(page, "Fulfilled")
  assert.equal(await page.getByTestId("fulfil-form").count(), 0)
  // Ship each package with its tracking number: shipped once both are.
  await page.locator('[data-testid="fulfillment-0"] [data-testid="tracking-number"]').fill("PANEL-TRACK-0001")
  await page.locator('[data-testid="fulfillment-0"] [data-testid="ship-fulfillment"]').click()
  await page.locator('[data-testid="fulfillment-0"] [data-testid="tracking"]').waitFor()
  assert.equal(await status.textContent(), "Fulfilled")
  await page.locator('[data-testid="fulfillment-1"] [data-testid="tracking-number"]').fill("PANEL-TRACK-0002")
  await page.locator('[data-testid="fulfillment-1"] [data-testid="ship-fulfillment"]').click()
  await statusIs(page, "Shipped")
  assert.match(await page.locator('[data-testid="fulfillment-1"] [data-testid="tracking"]').textContent(), /PANEL-TRACK-0002/)
  await shot(page, "order-shipped")

  const { vendor_order: shippedOrder } = await ok(`/vendor/orders/${vendorOrder.id}`, { token: lumenToken })
  assert.equal(shippedOrder.status, "shipped")
  assert.deepEqual(
    shippedOrder.fulfillments.map((f) => f.items.reduce((n, i) => n + i.quantity, 0)),
    [1, 1]
  )
  assert.deepEqual(shippedOrder.fulfillments.flatMap((f) => f.labels.map((l) => l.tracking_number)).sort(), [
    "PANEL-TRACK-0001",
    "PANEL-TRACK-0002",
  ])
  assert.deepEqual(
    shippedOrder.status_history.map((h) => h.to_status),
    ["pending", "accepted", "fulfilled", "shipped"]
  )

  await page.locator('[data-testid="fulfillment-0"] [data-testid="mark-delivered"]').click()
  await page.locator('[data-testid="fulfillment-0"] [data-testid="mark-delivered"]').waitFor({ state: "detached" })
  assert.equal(await status.textContent(), "Shipped")
  await page.locator('[data-testid="fulfillment-1"] [data-testid="mark-delivered"]').click()
  await statusIs(page, "Delivered")
  await page.getByTestId("return-form").waitFor()
  await shot(page, "order-delivered")

  // The balance: the order's net is pending (until delivery and the hold period), to the cent.
  await page.getByTestId("nav-balance").click()
  await page.getByTestId("balance-eur").waitFor()
  const { vendor_order } = await ok(`/vendor/orders/${vendorOrder.id}`, { token: lumenToken })
  assert.equal(vendor_order.status, "delivered")
  const expected = pendingBefore + cents(vendor_order.net_total)
  assert.ok(cents(vendor_order.net_total) > 0)
  await page.locator('[data-testid="balance-eur"] [data-testid="balance-pending"]', { hasText: exact(euro(expected / 100)) }).waitFor()
  const after = (await ok("/vendor/balance", { token: lumenToken })).balances.find((b) => b.currency_code === "eur")
  assert.equal(cents(after.pending), expected)
  await page.getByTestId("transaction-row").first().waitFor()
  await shot(page, "balance")
})

test("the other screens: payouts and the payout account, quotes, team, activity, profile, and the orders list at tablet width", async () => {
  await page.getByTestId("nav-payouts").click()
  await page.getByTestId("payout-account").waitFor()
  assert.match(await page.getByTestId("payout-account").textContent(), /Bank transfer/)
  await shot(page, "payouts")
  await page.getByTestId("nav-quotes").click()
  await page.getByTestId("quotes").waitFor()
  await page.locator('[data-testid="quotes"] table, [data-testid="quotes"] [data-testid="empty-state"]').first().waitFor()
  await shot(page, "quotes")
  await page.getByTestId("nav-team").click()
  await page.getByTestId("member-row").first().waitFor()
  await shot(page, "team")
  await page.getByTestId("nav-activity").click()
  await page.getByTestId("activity").waitFor()
  await page.locator('[data-testid="activity"] table').waitFor()
  await shot(page, "activity")
  await page.getByTestId("nav-profile").click()
  await page.getByTestId("profile").waitFor()
  await page.getByRole("switch").first().waitFor()
  await shot(page, "profile")

  const tablet = await newPage({ width: 820, height: 1180 })
  await signInPanel(tablet, LUMEN)
  await tablet.goto(panel("orders"))
  await tablet.getByTestId(`order-row-${vendorOrder.display_id}`).waitFor()
  // The sidebar folds into a menu on a tablet; the table still fits the page.
  assert.equal(await tablet.getByTestId("nav-orders").isVisible(), false)
  const overflow = await tablet.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  assert.ok(overflow <= 0, `no horizontal scroll at 820 px (${overflow}px)`)
  await shot(tablet, "orders-tablet")
  await tablet.context().close()
})

test("a member of another vendor sees none of it: not the order, not the product, not the money", async () => {
  const other = await newPage()
  await signInPanel(other, OAKLINE)
  assert.equal(await other.getByTestId("vendor-name").textContent(), "Oakline Furniture")
  await other.goto(panel("orders"))
  await other.locator('[data-testid^="order-row-"], [data-testid="empty-state"]').first().waitFor()
  assert.equal(await other.getByTestId(`order-row-${vendorOrder.display_id}`).count(), 0)
  await other.goto(panel(`orders/${vendorOrder.id}`))
  await other.getByTestId("error-state").waitFor()
  assert.match(await other.getByTestId("error-state").textContent(), /not found/i)
  await shot(other, "other-vendor-order")
  await other.goto(panel("products"))
  await other.locator('[data-testid^="product-row-"], [data-testid="empty-state"]').first().waitFor()
  assert.equal(await other.getByTestId(`product-row-${PRODUCT.handle}`).count(), 0)
  await other.goto(panel("balance"))
  await other.getByTestId("balance").waitFor()
  await other.locator('[data-testid^="balance-"], [data-testid="empty-state"]').first().waitFor()
  const oakToken = await signIn("vendor", OAKLINE)
  const { transactions } = await ok("/vendor/transactions?limit=1000", { token: oakToken })
  assert.equal(transactions.filter((t) => t.vendor_order_id === vendorOrder.id).length, 0)
  await other.context().close()
})

test("a catalog member sees products but no orders or finance screens (and the API refuses them too)", async () => {
  const email = `catalog.member.${RUN}@lumen.example`
  const password = "catalog-pass-123"
  const { token: inviteToken } = await ok("/vendor/invites", { token: lumenToken, method: "POST", body: { email, role: "catalog" } })
  const registration = (await ok("/auth/vendor/emailpass/register", { method: "POST", body: { email, password } })).token
  await ok("/vendor/invites/accept", { token: registration, method: "POST", body: { token: inviteToken } })

  const member = await newPage()
  await signInPanel(member, { email, password })
  await member.getByTestId("products").waitFor()
  for (const hidden of ["nav-dashboard", "nav-orders", "nav-quotes", "nav-balance", "nav-payouts", "nav-activity"])
    assert.equal(await member.getByTestId(hidden).count(), 0, hidden)
  assert.equal(await member.getByTestId("nav-products").count(), 1)
  await shot(member, "catalog-member")
  await member.goto(panel("balance"))
  await member.getByTestId("forbidden").waitFor()
  const token = await signIn("vendor", { email, password })
  assert.equal((await call("/vendor/balance", { token })).status, 403)
  assert.equal((await call(`/vendor/orders/${vendorOrder.id}`, { token })).status, 403)
  await member.context().close()
})

/** The newest one-time code e-mailed to `to` (the notification row; operators' API masks it, decision 66). */
async function latestCode(to, after) {
  const db = new pg.Client({ connectionString: stack.url })
  await db.connect()
  try {
    for (let i = 0; i < 60; i++) {
      const { rows } = await db.query(
        `SELECT data->>'code' AS code FROM notification WHERE "to" = $1 AND template = 'otp-code' AND created_at > $2 ORDER BY created_at DESC LIMIT 1`,
        [to, after]
      )
      if (rows[0]?.code) return rows[0].code
      await new Promise((r) => setTimeout(r, 500))
    }
    throw new Error(`no sign-in code e-mailed to ${to}`)
  } finally {
    await db.end()
  }
}

test("sign in with a one-time code sent by e-mail", async () => {
  assert.ok(stack.url, "needs the marketplace's database (VENDOR_PANEL_E2E_DATABASE_URL with VENDOR_PANEL_E2E_BASE)")
  const email = "owner@papyrus.demo"
  const codePage = await newPage()
  await codePage.goto(panel("login"))
  await codePage.getByRole("button", { name: "E-mail me a code instead" }).click()
  await codePage.fill('input[name="email"]', email)
  const asked = new Date(Date.now() - 2000)
  await codePage.getByRole("button", { name: "Send me a code" }).click()
  await codePage.locator('input[name="code"]').waitFor()
  await shot(codePage, "login-code")
  await codePage.fill('input[name="code"]', await latestCode(email, asked))
  await codePage.getByRole("button", { name: "Sign in" }).click()
  await codePage.getByTestId("vendor-name").waitFor()
  assert.equal(await codePage.getByTestId("vendor-name").textContent(), "Papyrus Supplies")
  await codePage.context().close()
})

test("apply as a new vendor, then follow the application's status", async () => {
  const newcomer = await newPage()
  await newcomer.goto(panel("reset-password"))
  await newcomer.getByRole("button", { name: "Send me a link" }).waitFor()
  await shot(newcomer, "reset-password")
  await newcomer.goto(panel("apply"))
  await newcomer.fill("#a-name", `Panel Test Pens ${RUN}`)
  await newcomer.fill("#a-email", `owner-${RUN}@panel-test-pens.example`)
  await newcomer.fill("#a-password", "pens-pass-12345")
  await shot(newcomer, "apply")
  await newcomer.click('button[type="submit"]')
  await newcomer.getByTestId("application").waitFor()
  assert.equal(await newcomer.getByTestId("application-status").textContent(), "Pending")
  assert.equal(await newcomer.getByTestId("vendor-status-banner").isVisible(), true)
  await shot(newcomer, "application")
  const { vendors } = await ok("/admin/vendors?status=pending&limit=50", { token: adminToken })
  assert.ok(vendors.some((v) => v.name === `Panel Test Pens ${RUN}`))
  await newcomer.context().close()
  assert.deepEqual(external, [], "no request left the machine")
})
