// Browser tests of the vendor panel (issue 22; npm run test:e2e): Debian's
// Chromium driven by playwright-core against a freshly started and seeded
// marketplace (e2e/stack.mjs: scripts/start.mjs, which builds and serves the
// panel at /vendor-panel; or the one of e2e/run.mjs). A demo vendor signs in,
// creates a product with stock, edits it (prices, stock, a third variant with
// a new option value, publish/unpublish), sees a new order arrive after a Store API checkout,
// accepts, fulfils and ships it in parts, marks it delivered, receives a
// return and sees its balance move; a member of another vendor sees none of
// it, a catalog member sees no finance screens, a newcomer applies. Every
// screen shows its loading, empty and error states, fits 1280 px and a
// tablet (820 px), and no request leaves the machine.
// Screenshots of each screen land in e2e-screenshots/vendor-panel-*.png.
/* global document, window */
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
  usdEdited: "22.50",
  option: "Size",
  variant: "Standard",
}
// The product's second variant; its stock is changed in the edit.
const SECOND = { title: "Large", sku: `PANEL-E2E-L-${RUN}`, eur: "24.90", usd: "26.90", stock: "3", restock: "4" }
// The variant added to the existing product in the edit: a new value of its option.
const THIRD = { title: "Extra large", value: "XL", sku: `PANEL-E2E-XL-${RUN}`, eur: "29.95", usd: "32.10", stock: "2" }
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
let requests = 0
const TABLET = { width: 820, height: 1180 }

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
    requests++
    if (u.origin !== stack.base || !["localhost", "127.0.0.1"].includes(u.hostname)) external.push(r.url())
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
const shots = []
const shot = async (p, name) => {
  shots.push(`vendor-panel-${name}.png`)
  // From the top: a full-page capture of a scrolled page draws the sticky sidebar where the scroll left it.
  await p.evaluate(() => window.scrollTo(0, 0))
  await p.screenshot({ path: path.join(SHOTS, `vendor-panel-${name}.png`), fullPage: true })
}
/** Horizontal overflow of the page in px (0 when it fits the viewport's width). */
const overflow = (p) => p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

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
    // VENDOR_PANEL_E2E_BASE: run against a marketplace already started with the demo seed (a fresh one each time);
    // LILIUM_E2E_BASE (e2e/run.mjs): the one marketplace of every browser test file, started with VENDOR_CORS for 127.0.0.1.
    stack = process.env.VENDOR_PANEL_E2E_BASE
      ? { base: process.env.VENDOR_PANEL_E2E_BASE, url: process.env.VENDOR_PANEL_E2E_DATABASE_URL, stop: async () => {} }
      : await startStack({ log, name: "vendor_panel", env: { VENDOR_CORS: origins.allowed.origin } })
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

test("create a product with two variants' prices and stock: it is listed, priced and stocked at the vendor's location", async () => {
  await page.getByTestId("nav-products").click()
  await page.getByTestId("products").waitFor()
  await page.getByTestId("new-product").click()
  await page.getByTestId("product-form").waitFor()
  await page.fill("#title", PRODUCT.title)
  await page.fill('input[name="variant-0-title"]', PRODUCT.variant)
  await page.fill('input[name="variant-0-sku"]', PRODUCT.sku)
  await page.fill('input[name="variant-0-price-eur"]', PRODUCT.eur)
  await page.fill('input[name="variant-0-price-usd"]', PRODUCT.usd)
  await page.fill('input[name="variant-0-stock"]', PRODUCT.stock)
  await page.getByTestId("add-variant").click()
  await page.fill("#option-title", PRODUCT.option)
  await page.fill('input[name="variant-1-title"]', SECOND.title)
  await page.fill('input[name="variant-1-sku"]', SECOND.sku)
  await page.fill('input[name="variant-1-price-eur"]', SECOND.eur)
  await page.fill('input[name="variant-1-price-usd"]', SECOND.usd)
  await page.fill('input[name="variant-1-stock"]', SECOND.stock)
  await shot(page, "product-new")
  await page.getByTestId("save-product").click()
  await page.getByTestId(`product-row-${PRODUCT.handle}`).waitFor()
  await shot(page, "products")

  const { products } = await ok("/vendor/products?limit=50", { token: lumenToken })
  product = products.find((p) => p.handle === PRODUCT.handle)
  assert.ok(product, "the product is the vendor's")
  assert.equal(product.status, "published")
  assert.deepEqual(productPrices(product), {
    [PRODUCT.sku]: { eur: cents(PRODUCT.eur), usd: cents(PRODUCT.usd) },
    [SECOND.sku]: { eur: cents(SECOND.eur), usd: cents(SECOND.usd) },
  })
  assert.deepEqual(
    product.variants.map((v) => [v.sku, v.title, v.options.map((o) => o.value)]).sort(),
    [
      [PRODUCT.sku, PRODUCT.variant, [PRODUCT.variant]],
      [SECOND.sku, SECOND.title, [SECOND.title]],
    ].sort()
  )
  assert.deepEqual(
    product.options.map((o) => o.title),
    [PRODUCT.option]
  )
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
  // The list shows the stock at the vendor's location: 7 + 3.
  await stockIs(page, Number(PRODUCT.stock) + Number(SECOND.stock))
})

const stockIs = (p, n) =>
  p.locator(`[data-testid="product-row-${PRODUCT.handle}"] [data-testid="product-stock"]`, { hasText: exact(String(n)) }).waitFor()
const productPrices = (p) =>
  Object.fromEntries(p.variants.map((v) => [v.sku, Object.fromEntries(v.prices.map((x) => [x.currency_code, cents(x.amount)]))]))
const variantStock = (v) => v.inventory_items[0].inventory.location_levels.reduce((n, l) => n + Number(l.stocked_quantity), 0)

test("edit the product: its stock is shown, a price and a stock level change, a variant is added, unpublish and publish", async () => {
  assert.ok(product, "needs the product of the previous test")
  await page.locator(`[data-testid="product-row-${PRODUCT.handle}"] a`).click()
  await page.getByTestId("product-form").waitFor()
  // The rows in the API's order; find each variant's row by its SKU field.
  const row = async (sku) => {
    for (let i = 0; i < 2; i++) if ((await page.inputValue(`input[name="variant-${i}-sku"]`)) === sku) return i
    throw new Error(`no row for ${sku}`)
  }
  const [first, second] = [await row(PRODUCT.sku), await row(SECOND.sku)]
  assert.equal(await page.getByTestId(`variant-${first}-current-stock`).textContent(), PRODUCT.stock)
  assert.equal(await page.getByTestId(`variant-${second}-current-stock`).textContent(), SECOND.stock)
  await page.fill(`input[name="variant-${first}-price-usd"]`, PRODUCT.usdEdited)
  await page.fill(`input[name="variant-${second}-stock"]`, SECOND.restock)
  // A third variant: a new value of the product's option, its prices and stock.
  await page.getByTestId("add-variant").click()
  await page.getByTestId("variant-2").waitFor()
  assert.equal(await page.getByTestId("variant-2-current-stock").textContent(), "New")
  await page.fill('input[name="variant-2-title"]', THIRD.title)
  await page.fill('input[name="variant-2-value"]', THIRD.value)
  await page.fill('input[name="variant-2-sku"]', THIRD.sku)
  await page.fill('input[name="variant-2-price-eur"]', THIRD.eur)
  await page.fill('input[name="variant-2-price-usd"]', THIRD.usd)
  await page.fill('input[name="variant-2-stock"]', THIRD.stock)
  await shot(page, "product-edit")
  await page.getByTestId("save-product").click()
  await page.getByTestId(`product-row-${PRODUCT.handle}`).waitFor()
  await stockIs(page, Number(PRODUCT.stock) + Number(SECOND.restock) + Number(THIRD.stock))

  product = (await ok(`/vendor/products/${product.id}`, { token: lumenToken })).product
  assert.deepEqual(productPrices(product), {
    [PRODUCT.sku]: { eur: cents(PRODUCT.eur), usd: cents(PRODUCT.usdEdited) },
    [SECOND.sku]: { eur: cents(SECOND.eur), usd: cents(SECOND.usd) },
    [THIRD.sku]: { eur: cents(THIRD.eur), usd: cents(THIRD.usd) },
  })
  assert.deepEqual(Object.fromEntries(product.variants.map((v) => [v.sku, variantStock(v)])), {
    [PRODUCT.sku]: Number(PRODUCT.stock),
    [SECOND.sku]: Number(SECOND.restock),
    [THIRD.sku]: Number(THIRD.stock),
  })
  const third = product.variants.find((v) => v.sku === THIRD.sku)
  assert.deepEqual([third.title, third.options.map((o) => o.value)], [THIRD.title, [THIRD.value]])
  assert.deepEqual(product.options[0].values.map((v) => v.value).sort(), [PRODUCT.variant, SECOND.title, THIRD.value].sort())
  // Medusa's own read: an inventory item of its own with one level, at the same (the vendor's) location as the first.
  const items = async (sku) => (await ok(`/admin/inventory-items?sku=${encodeURIComponent(sku)}`, { token: adminToken })).inventory_items
  const [[added], [firstItem]] = [await items(THIRD.sku), await items(PRODUCT.sku)]
  assert.equal(added.stocked_quantity, Number(THIRD.stock))
  assert.deepEqual(
    added.location_levels.map((l) => l.location_id),
    firstItem.location_levels.map((l) => l.location_id)
  )
  await page.getByTestId(`product-row-${PRODUCT.handle}`).getByTestId("toggle-status").click()
  await page.locator(`[data-testid="product-row-${PRODUCT.handle}"] [data-testid="product-status"]`, { hasText: "Draft" }).waitFor()
  assert.equal((await ok(`/vendor/products/${product.id}`, { token: lumenToken })).product.status, "draft")
  assert.equal((await call(`/store/products/${product.id}`, { key: publishableKey })).status, 404, "a draft is not sold")
  await page.getByTestId(`product-row-${PRODUCT.handle}`).getByTestId("toggle-status").click()
  await page.locator(`[data-testid="product-row-${PRODUCT.handle}"] [data-testid="product-status"]`, { hasText: "Published" }).waitFor()
  assert.equal((await ok(`/vendor/products/${product.id}`, { token: lumenToken })).product.status, "published")
})

test("a Store API checkout arrives as a new order; accept, fulfil and ship it in two parts, deliver it, receive a return, and the balance moves", async () => {
  assert.ok(product, "needs the product of the previous test")
  const balanceBefore = (await ok("/vendor/balance", { token: lumenToken })).balances.find((b) => b.currency_code === "eur")
  const pendingBefore = cents(balanceBefore?.pending ?? 0)
  // The orders list is open while the buyer checks out: the new order arrives on its own (the list refreshes).
  await page.getByTestId("nav-orders").click()
  await page.locator('[data-testid^="order-row-"]').first().waitFor()

  // The checkout, as a storefront does it (guest, EUR region, the cheapest option per shipping profile, system payment).
  const { regions } = await store("/store/regions")
  const region = regions.find((r) => r.currency_code === "eur")
  const { cart } = await store("/store/carts", { region_id: region.id })
  await store(`/store/carts/${cart.id}/line-items`, { variant_id: product.variants.find((v) => v.sku === PRODUCT.sku).id, quantity: 2 })
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

  // The new order appears in the open list without a reload, pending; the status filter and the search find it.
  const row = page.getByTestId(`order-row-${vendorOrder.display_id}`)
  await row.waitFor({ timeout: 45_000 })
  assert.equal(await row.getByTestId("order-status").textContent(), "Pending")
  await shot(page, "orders")
  await page.getByTestId("order-status-filter").selectOption("delivered")
  await row.waitFor({ state: "detached" })
  await page.getByTestId("order-status-filter").selectOption("pending")
  await row.waitFor()
  await page.getByTestId("order-status-filter").selectOption("")
  await page.getByTestId("order-search").fill(BUYER_EMAIL)
  await page.getByRole("button", { name: "Search" }).click()
  await page.locator('[data-testid^="order-row-"]').nth(1).waitFor({ state: "detached" })
  assert.equal(await page.locator('[data-testid^="order-row-"]').count(), 1)
  await shot(page, "orders-search")
  await row.locator("a").first().click()
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
  assert.equal(await page.getByTestId("order-refunded").textContent(), euro(0))
  await shot(page, "order-delivered")

  // One of the two units comes back: received at the vendor's location (back in stock), its share refunded.
  const { vendor_order: delivered } = await ok(`/vendor/orders/${vendorOrder.id}`, { token: lumenToken })
  assert.equal(delivered.status, "delivered")
  const lineTotal = cents(delivered.items[0].total)
  await page.getByTestId("return-quantity").fill("1")
  await page.getByTestId("receive-return").click()
  await page
    .getByTestId("order-refunded")
    .filter({ hasText: exact(euro(lineTotal / 2 / 100)) })
    .waitFor()
  const { vendor_order } = await ok(`/vendor/orders/${vendorOrder.id}`, { token: lumenToken })
  assert.equal(cents(vendor_order.refunded_total), lineTotal / 2)
  // The order's rows in the ledger, on its page as in the API: sale, commission, refund, commission reversal.
  const { transactions: rows } = await ok(`/vendor/transactions?vendor_order_id=${vendorOrder.id}&limit=100`, { token: lumenToken })
  assert.deepEqual(rows.map((t) => t.type).sort(), ["commission", "commission_reversal", "refund", "sale"])
  await page
    .locator('[data-testid="order-ledger-amount"]')
    .nth(rows.length - 1)
    .waitFor()
  assert.deepEqual((await page.getByTestId("order-ledger-amount").allTextContents()).sort(), rows.map((t) => euro(t.amount)).sort())
  await shot(page, "order-returned")
  await page.getByTestId("nav-products").click()
  // 7 in stock, 2 shipped, 1 back; the second variant's 4 untouched.
  await stockIs(page, Number(PRODUCT.stock) - 2 + 1 + Number(SECOND.restock) + Number(THIRD.stock))

  // The balance: the order's sale and commission, less the return's refund plus its commission reversal, are
  // pending (until delivery and the hold period), to the cent; the ledger's rows of this order add up to it.
  await page.getByTestId("nav-balance").click()
  await page.getByTestId("balance-eur").waitFor()
  const sum = (type) => rows.filter((t) => t.type === type).reduce((n, t) => n + cents(t.amount), 0)
  assert.equal(sum("sale") + sum("commission"), cents(vendor_order.net_total))
  assert.equal(sum("refund"), -lineTotal / 2)
  const moved = rows.reduce((n, t) => n + cents(t.amount), 0)
  assert.ok(moved > 0 && moved < cents(vendor_order.net_total), `the order moved the balance by ${moved / 100}`)
  const expected = pendingBefore + moved
  await page.locator('[data-testid="balance-eur"] [data-testid="balance-pending"]', { hasText: exact(euro(expected / 100)) }).waitFor()
  const after = (await ok("/vendor/balance", { token: lumenToken })).balances.find((b) => b.currency_code === "eur")
  assert.equal(cents(after.pending), expected)
  await page.getByTestId("transaction-row").first().waitFor()
  await shot(page, "balance")
})

test("the other screens: payouts and the payout account, quotes, team, activity, profile", async () => {
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
  await other.goto(panel(`products/${product.id}`))
  await other
    .getByTestId("error-state")
    .filter({ hasText: /not found/i })
    .waitFor()
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
  // Typed into the address bar, the finance and order screens explain themselves instead of loading.
  for (const at of ["dashboard", "balance", "payouts", "settings/payouts", "orders", `orders/${vendorOrder.id}`, "quotes", "activity"]) {
    await member.goto(panel(at))
    await member.getByTestId("forbidden").waitFor()
    assert.equal(await member.getByTestId("balance-eur").count(), 0, at)
  }
  await shot(member, "catalog-member-forbidden")
  const token = await signIn("vendor", { email, password })
  assert.equal((await call("/vendor/balance", { token })).status, 403)
  assert.equal((await call(`/vendor/orders/${vendorOrder.id}`, { token })).status, 403)
  await member.context().close()
})

/** The newest one-time code e-mailed to `to` (the notification row; operators' API masks it, decision 66). */
async function latestCode(to, after) {
  return latestMessage(to, "otp-code", "code", after)
}

/** A field of the newest message of `template` to `to` (the notification row, as the e-mail provider got it). */
async function latestMessage(to, template, field, after = new Date(0)) {
  const db = new pg.Client({ connectionString: stack.url })
  await db.connect()
  try {
    for (let i = 0; i < 60; i++) {
      const { rows } = await db.query(
        `SELECT data->>$4 AS value FROM notification WHERE "to" = $1 AND template = $2 AND created_at > $3 ORDER BY created_at DESC LIMIT 1`,
        [to, template, after, field]
      )
      if (rows[0]?.value) return rows[0].value
      await new Promise((r) => setTimeout(r, 500))
    }
    throw new Error(`no ${template} message to ${to}`)
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
})

/** Each signed-in screen: its path in the panel and the API path its content waits for. */
const screens = () => [
  ["dashboard", "dashboard", "/vendor/analytics/overview"],
  ["orders", "orders", "/vendor/orders"],
  ["order", `orders/${vendorOrder.id}`, `/vendor/orders/${vendorOrder.id}`],
  ["quotes", "quotes", "/vendor/quotes"],
  ["products", "products", "/vendor/products"],
  ["product", `products/${product.id}`, `/vendor/products/${product.id}`],
  ["balance", "balance", "/vendor/balance"],
  ["payouts", "payouts", "/vendor/payouts"],
  ["team", "team", "/vendor/members"],
  ["activity", "activity", "/vendor/audit-log"],
  ["profile", "profile", "/vendor/me/notification-preferences"],
]

test("every screen shows its loading state while the API answers, and its error state (with a retry) when it fails", async () => {
  const p = await newPage()
  await signInPanel(p, LUMEN)
  for (const [name, at, apiPath] of screens()) {
    // Loading: the answer is held until the skeleton was seen.
    let release
    const held = new Promise((r) => (release = r))
    const hold = async (route) => {
      await held
      await route.continue().catch(() => {})
    }
    const matches = (u) => new URL(u).pathname === apiPath
    await p.route(matches, hold)
    await p.goto(panel(at))
    await p.locator("main").getByTestId("loading").first().waitFor()
    if (name === "orders") await shot(p, "state-loading")
    release()
    await p.locator("main").getByTestId("loading").first().waitFor({ state: "detached" })
    await p.unroute(matches, hold)

    // Error: the API answers 500 (the panel retries once, then says so and offers a retry).
    const fail = (route) =>
      route.fulfill({ status: 500, contentType: "application/json", body: JSON.stringify({ message: `E2E: ${name} failed` }) })
    await p.route(matches, fail)
    await p.goto(panel(at))
    await p
      .locator("main")
      .getByTestId("error-state")
      .filter({ hasText: `E2E: ${name} failed` })
      .first()
      .waitFor()
    assert.equal(await p.locator("main").getByTestId("error-state").first().getByRole("button", { name: "Try again" }).count(), 1, name)
    if (name === "orders") await shot(p, "state-error")
    await p.unroute(matches, fail)
  }
  await p.context().close()
})

test("a vendor just approved sees the empty states: no orders, products, quotes, money or payouts yet", async () => {
  const { vendors } = await ok(`/admin/vendors?q=${encodeURIComponent(`Panel Test Pens ${RUN}`)}`, { token: adminToken })
  assert.equal(vendors.length, 1, "the applicant of the previous test")
  // The owner confirms the e-mail with the link of the verification message (approval needs it), then is approved.
  const email = `owner-${RUN}@panel-test-pens.example`
  const link = new URL(await latestMessage(email, "email-verification", "verify_url"))
  assert.equal(link.origin + link.pathname, panel("verify-email"), "the message links to this panel")
  const p = await newPage()
  await p.goto(link.toString())
  await p.getByRole("button", { name: "Confirm" }).click()
  await p.getByTestId("verified").waitFor()
  await shot(p, "verify-email")
  await ok(`/admin/vendors/${vendors[0].id}/approve`, { token: adminToken, method: "POST", body: {} })
  await signInPanel(p, { email, password: "pens-pass-12345" })
  for (const [name, at, title] of [
    ["dashboard", "dashboard", "No sales in this period"],
    ["orders", "orders", "No orders yet"],
    ["quotes", "quotes", "No quote requests"],
    ["products", "products", "No products yet"],
    ["balance", "balance", "No money yet"],
    ["payouts", "payouts", "No payouts yet"],
  ]) {
    await p.goto(panel(at))
    await p.locator("main").getByTestId("empty-state").filter({ hasText: title }).first().waitFor()
    await shot(p, `empty-${name}`)
  }
  await p.context().close()
})

test("every screen fits 1280 px and a tablet (820 px) without scrolling sideways; the tablet folds the sidebar into a menu", async () => {
  for (const [label, viewport] of [
    ["", { width: 1280, height: 800 }],
    ["tablet-", TABLET],
  ]) {
    const p = await newPage(viewport)
    await p.goto(panel("login"))
    await p.locator('input[name="email"]').waitFor()
    if (label) await shot(p, `${label}login`)
    await signInPanel(p, LUMEN)
    assert.equal(await p.getByTestId("nav-orders").isVisible(), !label, "the sidebar is a menu on a tablet")
    for (const [name, at] of screens()) {
      await p.goto(panel(at))
      await p.locator("main h1").first().waitFor()
      await p.locator("main").getByTestId("loading").first().waitFor({ state: "detached" })
      const wide = await overflow(p)
      assert.ok(wide <= 0, `${name} at ${viewport.width} px scrolls sideways by ${wide} px`)
      if (label) await shot(p, `${label}${name}`)
    }
    if (label) {
      await p.getByRole("button", { name: "Menu" }).click()
      await p.getByTestId("nav-orders").waitFor()
      await shot(p, `${label}menu`)
    }
    await p.context().close()
  }
})

test("no request left the machine: every page and API call went to the marketplace on localhost", async () => {
  assert.ok(requests > 100, `only ${requests} requests seen`)
  assert.deepEqual(external, [])
  console.log(`# ${requests} browser requests, all to ${stack.base}; ${shots.length} screenshots: ${shots.join(", ")}`)
})
