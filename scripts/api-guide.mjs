#!/usr/bin/env node
// Writes docs/api-guide.md: three walkthroughs of Lilium's API with the real
// requests and responses of a running server (issue 20, item 5).
//
//   DATABASE_URL=postgres://postgres:postgres@localhost:5432/lilium_guide \
//   MARKETPLACE_PAYOUT_HOLD_DAYS=0 MARKETPLACE_PAYOUT_ACCOUNT_HOLD_HOURS=0 PORT=9300 npm start
//   DATABASE_URL=… LILIUM_URL=http://localhost:9300 node scripts/api-guide.mjs [out.md]
//
// The server must be a freshly seeded demo (`npm start` seeds one) started
// with no payout holds, so that a delivered order can be paid out at once.
// DATABASE_URL is read for two things a person gets elsewhere: the
// publishable key (printed by `npm start`) and the link in the owner's
// e-mail-verification message (the owner's inbox). Everything else goes
// through HTTP. Responses are trimmed to the interesting fields; "…" marks
// what was cut. Each run registers new people (a run tag in their e-mails).
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const BASE = (process.env.LILIUM_URL || "http://localhost:9000").replace(/\/$/, "")
const OUT = path.resolve(process.argv[2] || path.join(root, "docs", "api-guide.md"))
const ADMIN = {
  email: process.env.MEDUSA_ADMIN_EMAIL || "admin@lilium.local",
  password: process.env.MEDUSA_ADMIN_PASSWORD || "lilium-admin",
}
if (!process.env.DATABASE_URL) {
  console.error("[api-guide] DATABASE_URL is needed (the demo server's database)")
  process.exit(1)
}
const db = new pg.Client({ connectionString: process.env.DATABASE_URL })
await db.connect()

// ---- recording --------------------------------------------------------------

const MORE = "…"
const md = []
const say = (text) => md.push(text.trim() + "\n")
let step = 0

/** `obj` with only `keys`; a key may map to a function that shows its value. A "…" line stands for the rest. */
function pick(obj, keys) {
  if (obj == null) return obj
  const out = {}
  const spec = Array.isArray(keys) ? Object.fromEntries(keys.map((k) => [k, null])) : keys
  for (const [k, fn] of Object.entries(spec)) if (k in obj) out[k] = fn ? fn(obj[k]) : obj[k]
  if (Object.keys(obj).some((k) => !(k in spec))) out[MORE] = true
  return out
}
/** The first `n` items of a list, each shown with `fn`; "… k more" for the rest. */
function first(list, n, fn = (x) => x) {
  const shown = list.slice(0, n).map(fn)
  if (list.length > n) shown.push(`${MORE} ${list.length - n} more`)
  return shown
}
/** An object's first four fields ("…" for the rest). */
const few = (o) => (o && typeof o === "object" && Object.keys(o).length > 4 ? pick(o, Object.keys(o).slice(0, 4)) : o)
const short = (s, n = 12) => (typeof s === "string" && s.length > n ? s.slice(0, n) + MORE : s)

function render(value) {
  return JSON.stringify(value, null, 2)
    .replace(/^(\s*)"…": true(,?)$/gm, "$1…")
    .replace(/^(\s*)"… (\d+) more"(,?)$/gm, "$1… $2 more")
    .replace(/,(\n\s*…)/g, "$1")
    .replace(/,(\n\s*… \d+ more)/g, "$1")
}

/**
 * One HTTP call, recorded: the request as sent (tokens and keys shortened)
 * and the response as `show` trims it. Fails the script on an unexpected status.
 */
async function call(method, url, { body, headers = {}, show = (d) => d, expect = [200, 201], note, record = true } = {}) {
  const res = await fetch(BASE + url, {
    method,
    headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  })
  const text = await res.text()
  let data
  try {
    data = text ? JSON.parse(text) : null
  } catch {
    data = text
  }
  if (!expect.includes(res.status)) {
    throw new Error(`${method} ${url} answered ${res.status}: ${text.slice(0, 500)}`)
  }
  if (record) {
    step++
    if (note) say(`**${step}.** ${note}`)
    const lines = [`${method} ${url}`]
    for (const [k, v] of Object.entries(headers)) {
      if (k === "authorization") lines.push(`Authorization: Bearer ${short(v.replace(/^Bearer /, ""), 16)}`)
      else lines.push(`${k}: ${short(v, 16)}`)
    }
    if (body !== undefined) lines.push("", render(body))
    say("```http\n" + lines.join("\n") + "\n```")
    const shown = show(data)
    say(`→ \`${res.status}\`` + (shown === undefined ? "" : "\n\n```json\n" + render(shown) + "\n```"))
  }
  return data
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
async function until(what, fn, ok, tries = 100) {
  for (let i = 0; i < tries; i++) {
    const v = await fn()
    if (ok(v)) return v
    await sleep(200)
  }
  throw new Error(`timed out waiting for ${what}`)
}

// ---- people and headers -----------------------------------------------------------

const key = (
  await db.query(
    `SELECT token FROM api_key WHERE type = 'publishable' AND revoked_at IS NULL AND deleted_at IS NULL
     ORDER BY (title = 'Lilium Storefront') DESC, created_at LIMIT 1`
  )
).rows[0]?.token
if (!key) throw new Error("no publishable key: is this a seeded Lilium database?")
const store = { "x-publishable-api-key": key }
const bearer = (token) => ({ authorization: `Bearer ${token}` })

// The people this guide registers; on a database where a run already did, with a run tag in their e-mails.
const taken = async (email) => (await db.query(`SELECT 1 FROM provider_identity WHERE entity_id = $1`, [email])).rowCount > 0
const TAG = (await taken("anna@hofmann-buero.example")) ? "." + Date.now().toString(36).slice(-4) : ""
const tagged = (local, domain) => `${local}${TAG}@${domain}`

const health = await fetch(BASE + "/health").catch(() => null)
if (!health?.ok) throw new Error(`no Lilium at ${BASE} (GET /health)`)
const adminToken = (await call("POST", "/auth/user/emailpass", { body: ADMIN, record: false })).token
const admin = bearer(adminToken)

/** Waits until the order.placed subscriber captured the order's payment (what a vendor's accept needs). */
const captured = (orderId) =>
  until(
    "the payment capture",
    async () => (await call("GET", `/admin/orders/${orderId}?fields=payment_status`, { headers: admin, record: false })).order,
    (o) => o.payment_status === "captured"
  )

// ---- the guide ----------------------------------------------------------------------

const ran = new Date().toISOString().slice(0, 10)
say(`# Lilium API guide: three walkthroughs

Real requests and responses, captured by \`scripts/api-guide.mjs\` from a freshly seeded demo
marketplace (\`npm start\`, on ${ran}). Ids are as the server gave them; responses are trimmed to
the interesting fields, and \`…\` marks what was cut (tokens and keys are shortened too).

- **The reference** of every Lilium route is served by the app at [\`/docs\`](http://localhost:9000/docs)
  (Swagger UI over \`docs/openapi.yaml\`). Medusa's own Store and Admin routes (carts, payment
  collections, orders, products) are documented at https://docs.medusajs.com/api; Lilium keeps them
  unchanged and adds the \`/vendor\` API, the marketplace parts of \`/store\` and \`/admin\`, and \`/hooks\`.
- **Logins of the demo**: operator \`admin@lilium.local\` / \`lilium-admin\`; vendor owners
  \`owner@lumen.demo\`, \`owner@oakline.demo\`, \`owner@papyrus.demo\` (and \`owner@nordic.demo\`, awaiting
  approval), password \`lilium-vendor\`. \`npm start\` prints the publishable key.
- **Headers**: Store API calls carry \`x-publishable-api-key\`; signed-in calls carry
  \`Authorization: Bearer <token>\` from \`POST /auth/{customer|vendor|user}/emailpass\`. Amounts are in
  major units (49.9 is €49.90). Every route is rate-limited (429 with \`Retry-After\`).
- To regenerate: start a scratch demo with no payout holds and run the script (its header says how).

Contents: [Before: the commission](#before-the-walkthroughs-the-marketplaces-commission) ·
[A. A storefront buying from two vendors](#a-a-storefront-buying-from-two-vendors) ·
[B. A vendor from application to payout](#b-a-vendor-from-application-to-payout) ·
[C. An operator's day](#c-an-operators-day)
`)

// ---- Before ---------------------------------------------------------------------------

say(`## Before the walkthroughs: the marketplace's commission

The demo seeds no commission rule, so nothing would be charged. The operator sets the
marketplace's default rate first: 10% of each item's price, shipping excluded (walkthrough C adds a
vendor's own rate; \`docs/commission.md\` explains how rules are chosen).`)
await call("POST", "/admin/commission-rules", {
  headers: admin,
  body: { name: "Marketplace default", rate_type: "percentage", value: 10, scope: { type: "global" } },
  note: "A global rule, signed in as the operator (walkthrough C shows the sign-in).",
  show: (d) => ({
    commission_rule: pick(d.commission_rule, ["id", "name", "rate_type", "value", "scope", "priority", "include_shipping", "is_active"]),
  }),
})

// ---- A ------------------------------------------------------------------------------

say(`## A. A storefront buying from two vendors

A buyer registers, fills a cart with products of two vendors, picks a shipping method for each
vendor's parcel, pays with the system provider (\`pp_system_default\`, the demo's stand-in for a card
provider) and completes. Medusa's checkout answers as always; Lilium splits the order into one
vendor order per vendor before it answers.`)

say(`### Catalogue`)
const regions = await call("GET", "/store/regions", {
  headers: store,
  note: "The storefront reads the regions; the demo has Europe (EUR) and United States (USD).",
  show: (d) => ({ regions: d.regions.map((r) => pick(r, ["id", "name", "currency_code"])), count: d.count }),
})
const eur = regions.regions.find((r) => r.currency_code === "eur")
const products = await call(
  "GET",
  `/store/products?region_id=${eur.id}&fields=id,title,handle,*vendor,variants.id,*variants.calculated_price`,
  {
    headers: store,
    note: "Products, with the vendor of each (`*vendor` shows the vendor's public fields) and the region's prices.",
    show: (d) => ({
      products: d.products.map((p) =>
        pick(p, {
          id: null,
          title: null,
          vendor: null,
          variants: (vs) => vs.map((v) => pick(v, { id: null, calculated_price: (c) => pick(c, ["calculated_amount", "currency_code"]) })),
        })
      ),
      count: d.count,
      [MORE]: true,
    }),
  }
)
const byHandle = Object.fromEntries(products.products.map((p) => [p.handle, p]))
const lamp = byHandle["desk-lamp"]
const chair = byHandle["oak-office-chair"]
await call("GET", "/store/vendors", {
  headers: store,
  note: "The marketplace's vendors (active ones only, public fields).",
  show: (d) => ({ vendors: first(d.vendors, 3, (v) => pick(v, ["id", "handle", "name"])), count: d.count, [MORE]: true }),
})

say(`### An account`)
const buyer = { email: tagged("anna", "hofmann-buero.example"), password: "anna-password-1" }
const reg = await call("POST", "/auth/customer/emailpass/register", {
  body: buyer,
  note: "Register a login (Medusa's auth route). The token may only create the customer.",
  show: (d) => ({ token: short(d.token, 20) }),
})
await call("POST", "/store/customers", {
  headers: { ...store, ...bearer(reg.token) },
  body: { email: buyer.email, first_name: "Anna", last_name: "Hofmann", company_name: "Hofmann Büro GmbH" },
  note: "Create the customer with that token.",
  show: (d) => ({ customer: pick(d.customer, ["id", "email", "first_name", "last_name", "company_name", "has_account"]) }),
})
const login = await call("POST", "/auth/customer/emailpass", {
  body: buyer,
  note: "Sign in; this token is the buyer's from now on.",
  show: (d) => ({ token: short(d.token, 20) }),
})
const asBuyer = { ...store, ...bearer(login.token) }

say(`### The cart`)
const address = {
  first_name: "Anna",
  last_name: "Hofmann",
  company: "Hofmann Büro GmbH",
  address_1: "Lindenstraße 12",
  city: "Hamburg",
  postal_code: "20095",
  country_code: "de",
  phone: "+49401234567",
}
const cart0 = await call("POST", "/store/carts", {
  headers: asBuyer,
  body: { region_id: eur.id },
  note: "Create a cart in the EUR region (signed in, so it belongs to the customer).",
  show: (d) => ({ cart: pick(d.cart, ["id", "currency_code", "region_id", "customer_id", "email", "total"]) }),
})
const cartId = cart0.cart.id
await call("POST", `/store/carts/${cartId}/line-items`, {
  headers: asBuyer,
  body: { variant_id: lamp.variants[0].id, quantity: 2 },
  note: `Two desk lamps from ${lamp.vendor.name}…`,
  show: (d) => ({
    cart: pick(d.cart, { id: null, items: (items) => items.map((i) => pick(i, ["id", "title", "quantity", "unit_price"])), total: null }),
  }),
})
await call("POST", `/store/carts/${cartId}/line-items`, {
  headers: asBuyer,
  body: { variant_id: chair.variants[0].id, quantity: 1 },
  note: `…and an office chair from ${chair.vendor.name}.`,
  show: (d) => ({
    cart: pick(d.cart, {
      id: null,
      items: (items) => items.map((i) => pick(i, ["id", "title", "quantity", "unit_price"])),
      item_total: null,
      total: null,
    }),
  }),
})
await call("POST", `/store/carts/${cartId}`, {
  headers: asBuyer,
  body: { email: buyer.email, shipping_address: address, billing_address: address },
  note: "The e-mail and the addresses.",
  show: (d) => ({ cart: pick(d.cart, { id: null, email: null, shipping_address: (a) => pick(a, ["city", "country_code"]) }) }),
})

say(`### Shipping: one method per vendor

Each vendor ships its own parcel from its own stock location, so the cart needs one shipping method
per vendor. \`GET /store/carts/:id/vendor-groups\` (Lilium) shows the cart by vendor with each
vendor's options; Medusa's \`POST /store/carts/:id/shipping-methods\` sets one. (\`POST
/store/carts/:id/shipping-methods/auto\` sets the cheapest of every vendor in one call.)`)
const groups = await call("GET", `/store/carts/${cartId}/vendor-groups`, {
  headers: asBuyer,
  note: "The cart by vendor.",
  show: (d) =>
    pick(d, {
      vendor_groups: (gs) =>
        gs.map((g) =>
          pick(g, {
            vendor: (v) => pick(v, ["id", "handle", "name"]),
            items: (items) => items.map((i) => pick(i, ["id", "title", "quantity"])),
            shipping_options: (os) => os.map((o) => pick(o, ["id", "name", "amount"])),
            shipping_method: null,
            subtotal: null,
          })
        ),
    }),
})
for (const g of groups.vendor_groups) {
  const option = [...g.shipping_options].sort((a, b) => a.amount - b.amount)[0]
  await call("POST", `/store/carts/${cartId}/shipping-methods`, {
    headers: asBuyer,
    body: { option_id: option.id },
    note: `${g.vendor.name} ships with "${option.name}".`,
    show: (d) => ({
      cart: pick(d.cart, {
        id: null,
        shipping_methods: (ms) => ms.map((m) => pick(m, ["id", "name", "amount", "shipping_option_id"])),
        shipping_total: null,
        total: null,
      }),
    }),
  })
}

say(`### Payment and completion`)
const pc = await call("POST", "/store/payment-collections", {
  headers: asBuyer,
  body: { cart_id: cartId },
  note: "A payment collection for the cart (Medusa).",
  show: (d) => ({ payment_collection: pick(d.payment_collection, ["id", "amount", "currency_code", "status"]) }),
})
await call("POST", `/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, {
  headers: asBuyer,
  body: { provider_id: "pp_system_default" },
  note: "A payment session with the system provider (a real storefront uses Stripe or another provider here).",
  show: (d) => ({
    payment_collection: pick(d.payment_collection, {
      id: null,
      amount: null,
      payment_sessions: (ss) => ss.map((s) => pick(s, ["id", "provider_id", "amount", "status"])),
    }),
  }),
})
const completed = await call("POST", `/store/carts/${cartId}/complete`, {
  headers: asBuyer,
  note: "Complete the cart. The response is Medusa's own: the order.",
  show: (d) => ({
    type: d.type,
    order: pick(d.order, {
      id: null,
      display_id: null,
      status: null,
      email: null,
      currency_code: null,
      items: (items) => items.map((i) => pick(i, ["title", "quantity", "unit_price"])),
      shipping_total: null,
      total: null,
    }),
  }),
})
const orderId = completed.order.id
await captured(orderId)
await call("GET", `/store/orders/${orderId}/vendor-orders`, {
  headers: asBuyer,
  note: "The buyer's view of the vendor split: one vendor order per vendor, each with its items and status (its total includes its shipping; the totals add up to the order's), and the order's marketplace status derived from them. A vendor order's `display_id` counts that vendor's orders.",
  show: (d) => ({
    marketplace_status: d.marketplace_status,
    vendor_orders: d.vendor_orders.map((v) =>
      pick(v, {
        id: null,
        display_id: null,
        status: null,
        vendor: (x) => pick(x, ["handle", "name"]),
        items: (items) => items?.map((i) => pick(i, ["title", "quantity", "unit_price"])),
        total: null,
        fulfillments: null,
      })
    ),
  }),
})
say(`The payment is captured when the order is placed (an \`order.placed\` subscriber); each vendor sees
its own part in \`GET /vendor/orders\` and is e-mailed. Walkthrough B follows one vendor order from there.`)

// ---- B ------------------------------------------------------------------------------

say(`## B. A vendor from application to payout

A workshop applies to sell, confirms its e-mail, is approved by the operator, lists a product with
stock and shipping, sets up its payout account, fulfils an order and is paid. The \`/vendor\` API
is what a vendor panel calls; every route checks the member's role (owner, admin, catalog, orders,
finance) and keeps the vendor to its own data.

(The demo server for this guide runs with \`MARKETPLACE_PAYOUT_HOLD_DAYS=0\` and
\`MARKETPLACE_PAYOUT_ACCOUNT_HOLD_HOURS=0\`; by default earnings wait 7 days after delivery and a changed
payout account 48 hours, see Configuration in the README.)`)

say(`### Application`)
const owner = { email: tagged("jonas", "werkstatt-weber.example"), password: "jonas-password-1" }
const vreg = await call("POST", "/auth/vendor/emailpass/register", {
  body: owner,
  note: "The owner registers a vendor login (Medusa's auth route, actor `vendor`).",
  show: (d) => ({ token: short(d.token, 20) }),
})
const applied = await call("POST", "/vendor/vendors", {
  headers: bearer(vreg.token),
  body: {
    name: `Werkstatt Weber${TAG.toUpperCase()}`,
    email: owner.email,
    phone: "+49221987654",
    tax_id: "DE811907980",
    address: { address_1: "Werkstraße 1", city: "Köln", postal_code: "50667", country_code: "DE" },
    member: { email: owner.email, first_name: "Jonas", last_name: "Weber" },
  },
  note: "Apply: a pending vendor with the caller as its owner. An e-mail asks the owner to confirm the address.",
  show: (d) => ({ vendor: pick(d.vendor, ["id", "handle", "name", "email", "status", "tax_id", "created_at"]) }),
})
const vendorId = applied.vendor.id
const verifyUrl = await until(
  "the verification e-mail",
  async () =>
    (
      await db.query(`SELECT data FROM notification WHERE "to" = $1 AND template = 'email-verification' ORDER BY created_at DESC LIMIT 1`, [
        owner.email,
      ])
    ).rows[0]?.data?.verify_url,
  Boolean
)
const code = new URL(verifyUrl).searchParams.get("token")
await call("POST", "/auth/verification/confirm", {
  body: { code },
  note: "The owner follows the link in that e-mail; the page posts its token to Medusa's verification route. (The operator can approve only a vendor whose owner did this.)",
  show: (d) => pick(d, ["verified_at"]),
})
const vlogin = await call("POST", "/auth/vendor/emailpass", {
  body: owner,
  note: "Sign in as the vendor member.",
  show: (d) => ({ token: short(d.token, 20) }),
})
const asVendor = bearer(vlogin.token)
await call("GET", "/vendor/me", {
  headers: asVendor,
  note: "The panel's first call: who am I, and my vendor (still pending: selling routes answer 403 until approval).",
  show: (d) => ({ member: pick(d.member, ["id", "email", "role"]), vendor: pick(d.vendor, ["id", "name", "status"]) }),
})

say(`### Approval (operator)`)
await call("GET", `/admin/vendors?status=pending&q=${encodeURIComponent("Werkstatt Weber")}`, {
  headers: admin,
  note: "The operator sees the application among the pending vendors…",
  show: (d) => ({
    vendors: first(d.vendors, 2, (v) => pick(v, ["id", "name", "status", "owner_email_verified"])),
    count: d.count,
    [MORE]: true,
  }),
})
await call("POST", `/admin/vendors/${vendorId}/approve`, {
  headers: admin,
  body: {},
  note: "…and approves it. Approval sets up the vendor's stock location, service zone, shipping profile and sales channel, and e-mails the owner.",
  show: (d) => ({ vendor: pick(d.vendor, ["id", "name", "status", "approved_at"]) }),
})

say(`### Catalogue, stock, shipping, payout account`)
const created = await call("POST", "/vendor/products", {
  headers: asVendor,
  body: {
    title: `Oak Monitor Stand${TAG.toUpperCase()}`,
    description: "Solid oak, hand-oiled, 60 × 25 cm.",
    status: "published",
    options: [{ title: "Finish", values: ["Oiled"] }],
    variants: [
      {
        title: "Oiled",
        sku: `WW-STAND${TAG.replace(".", "-").toUpperCase()}`,
        manage_inventory: true,
        options: { Finish: "Oiled" },
        prices: [
          { currency_code: "eur", amount: 89 },
          { currency_code: "usd", amount: 99 },
        ],
      },
    ],
  },
  note: "A product (Medusa's product body; it is linked to the vendor and its sales channel).",
  show: (d) => ({
    product: pick(d.product, {
      id: null,
      title: null,
      status: null,
      variants: (vs) =>
        vs.map((v) => pick(v, { id: null, sku: null, prices: (ps) => ps.map((p) => pick(p, ["currency_code", "amount"])) })),
    }),
  }),
})
const product = created.product
const variantId = product.variants[0].id
await call("POST", `/vendor/products/${product.id}/variants/${variantId}/inventory`, {
  headers: asVendor,
  body: { stocked_quantity: 40 },
  note: "Stock at the vendor's own location.",
  show: (d) => d,
})
await call("POST", "/vendor/shipping-options", {
  headers: asVendor,
  body: {
    name: "Weber Parcel",
    prices: [
      { currency_code: "eur", amount: 6.9 },
      { currency_code: "usd", amount: 7.9 },
    ],
  },
  note: "A flat-rate shipping option in the vendor's zone.",
  show: (d) => ({ shipping_option: pick(d.shipping_option, ["id", "name", "price_type", "shipping_profile_id"]) }),
})
await call("POST", "/vendor/payout-account", {
  headers: asVendor,
  body: { provider: "manual", details: { account_holder: "Werkstatt Weber", iban: "DE89 3704 0044 0532 0130 00" } },
  note: "How the vendor is paid: a manual bank transfer by the operator (the IBAN is checked; `stripe-connect` is the other provider). Every owner is e-mailed about the change.",
  show: (d) => ({ payout_account: pick(d.payout_account, ["id", "provider", "status", "details", "is_default"]) }),
})

say(`### An order

A buyer orders three stands (the calls of walkthrough A; only the completion is shown).`)
const c2 = (await call("POST", "/store/carts", { headers: asBuyer, body: { region_id: eur.id }, record: false })).cart.id
await call("POST", `/store/carts/${c2}/line-items`, { headers: asBuyer, body: { variant_id: variantId, quantity: 3 }, record: false })
await call("POST", `/store/carts/${c2}`, {
  headers: asBuyer,
  body: { email: buyer.email, shipping_address: address, billing_address: address },
  record: false,
})
await call("POST", `/store/carts/${c2}/shipping-methods/auto`, { headers: asBuyer, body: {}, record: false })
const pc2 = await call("POST", "/store/payment-collections", { headers: asBuyer, body: { cart_id: c2 }, record: false })
await call("POST", `/store/payment-collections/${pc2.payment_collection.id}/payment-sessions`, {
  headers: asBuyer,
  body: { provider_id: "pp_system_default" },
  record: false,
})
const order2 = await call("POST", `/store/carts/${c2}/complete`, {
  headers: asBuyer,
  note: "The buyer completes the cart.",
  show: (d) => ({ type: d.type, order: pick(d.order, ["id", "display_id", "total", "currency_code"]) }),
})
await captured(order2.order.id)

say(`### Fulfilment`)
const vlist = await call("GET", "/vendor/orders?status=pending", {
  headers: asVendor,
  note: "The vendor's new orders (filters: status, dates, `q`, `order`; pages).",
  show: (d) => ({
    vendor_orders: first(d.vendor_orders, 2, (v) =>
      pick(v, {
        id: null,
        display_id: null,
        status: null,
        total: null,
        currency_code: null,
        items: (items) => items?.map((i) => pick(i, ["title", "quantity", "unit_price"])),
      })
    ),
    count: d.count,
    [MORE]: true,
  }),
})
const vo = vlist.vendor_orders[0]
const voUrl = `/vendor/orders/${vo.id}`
await call("POST", `${voUrl}/accept`, {
  headers: asVendor,
  body: {},
  note: "Accept it (a rejection would refund the vendor's share).",
  show: (d) => ({ vendor_order: pick(d.vendor_order, ["id", "status"]) }),
})
const ful = await call("POST", `${voUrl}/fulfillments`, {
  headers: asVendor,
  body: {},
  note: "Fulfil everything at the vendor's location (or some items: `items: [{id, quantity}]`).",
  show: (d) => ({
    vendor_order: pick(d.vendor_order, {
      id: null,
      status: null,
      fulfillments: (fs) => fs.map((f) => pick(f, ["id", "location_id", "shipped_at", "delivered_at"])),
    }),
  }),
})
const fulfillmentId = ful.vendor_order.fulfillments[0].id
await call("POST", `${voUrl}/fulfillments/${fulfillmentId}/shipments`, {
  headers: asVendor,
  body: { labels: [{ tracking_number: "00340434161094042557", tracking_url: "https://tracking.example/00340434161094042557" }] },
  note: "Ship it with the tracking number; the buyer is e-mailed.",
  show: (d) => ({
    vendor_order: pick(d.vendor_order, {
      id: null,
      status: null,
      fulfillments: (fs) => fs.map((f) => pick(f, ["id", "shipped_at", "labels"])),
    }),
  }),
})
await call("POST", `${voUrl}/fulfillments/${fulfillmentId}/mark-as-delivered`, {
  headers: asVendor,
  body: {},
  note: "Delivered. The earnings start their hold (none on this demo server).",
  show: (d) => ({
    vendor_order: pick(d.vendor_order, { id: null, status: null, fulfillments: (fs) => fs.map((f) => pick(f, ["id", "delivered_at"])) }),
  }),
})

say(`### Money`)
await call("GET", "/vendor/balance", {
  headers: asVendor,
  note: "The balance, as sums of the ledger: the sale minus the marketplace's commission is available.",
  show: (d) => d,
})
await call("GET", "/vendor/transactions", {
  headers: asVendor,
  note: "The ledger behind it (append-only; `format=csv` for a spreadsheet).",
  show: (d) => ({
    transactions: d.transactions.map((t) =>
      pick(t, ["id", "type", "amount", "currency_code", "vendor_order_id", "available_at", "description"])
    ),
    count: d.count,
    [MORE]: true,
  }),
})
say(`A daily job pays every vendor its available balance (\`MARKETPLACE_PAYOUT_SCHEDULE\`); the operator
can also run it now:`)
const run = await call("POST", "/admin/payout-runs", {
  headers: admin,
  body: { currency_code: "eur" },
  note: "The operator runs payouts (each payout is created with its ledger debit, in one transaction).",
  show: (d) => ({
    payout_run: pick(d.payout_run, {
      id: null,
      status: null,
      currency_code: null,
      payout_count: null,
      total_amount: null,
      payouts: (ps) => ps?.map((p) => pick(p, ["id", "vendor_id", "amount", "status", "provider"])),
    }),
  }),
})
const payout = (run.payout_run.payouts ?? []).find((p) => p.vendor_id === vendorId)
if (!payout) throw new Error(`the payout run paid no payout to ${vendorId}: ${JSON.stringify(run).slice(0, 800)}`)
await call("POST", `/admin/payouts/${payout.id}/mark-paid`, {
  headers: admin,
  body: { reference: `SEPA-${ran.replace(/-/g, "")}-0042` },
  note: "A manual payout is a bank transfer the operator makes; then it is marked paid with the bank's reference. The owner is e-mailed.",
  show: (d) => ({ payout: pick(d.payout, ["id", "status", "amount", "currency_code", "reference", "paid_at"]) }),
})
await call("GET", "/vendor/payouts", {
  headers: asVendor,
  note: "The vendor sees the payout (`GET /vendor/payouts/:id` lists the ledger rows it covers)…",
  show: (d) => ({
    payouts: d.payouts.map((p) => pick(p, ["id", "status", "amount", "currency_code", "reference", "paid_at"])),
    count: d.count,
    [MORE]: true,
  }),
})
await call("GET", "/vendor/balance", { headers: asVendor, note: "…and the balance is paid out.", show: (d) => d })

// ---- C ------------------------------------------------------------------------------

say(`## C. An operator's day

The operator signs in to the admin API (the same token the Medusa Admin uses), approves a
vendor, sets commission, looks after vendor orders and refunds, reads the figures and checks the
payouts.`)
await call("POST", "/auth/user/emailpass", {
  body: ADMIN,
  note: "Sign in (when 2FA is required, Medusa's MFA challenge comes first).",
  show: (d) => ({ token: short(d.token, 20) }),
})

say(`### Vendors`)
const pending = await call("GET", "/admin/vendors?status=pending", {
  headers: admin,
  note: "Applications waiting.",
  show: (d) => ({ vendors: d.vendors.map((v) => pick(v, ["id", "name", "email", "status", "created_at"])), count: d.count, [MORE]: true }),
})
const nordic = pending.vendors.find((v) => v.name === "Nordic Notebooks") ?? pending.vendors[0]
await call("GET", `/admin/vendors/${nordic.id}`, {
  headers: admin,
  note: "One of them, with whether its owner confirmed the e-mail address.",
  show: (d) => ({
    vendor: pick(d.vendor, {
      id: null,
      name: null,
      status: null,
      owner_email_verified: null,
      address: (a) => pick(a, ["city", "country_code"]),
      members: (ms) => ms.map((m) => pick(m, ["email", "role"])),
    }),
  }),
})
await call("POST", `/admin/vendors/${nordic.id}/approve`, {
  headers: admin,
  body: { reason: "Documents checked" },
  note: "Approve it (reject, suspend and reinstate work the same way; an illegal change is 409).",
  show: (d) => ({ vendor: pick(d.vendor, ["id", "name", "status"]) }),
})

say(`### Commission`)
await call("GET", "/admin/commission-rules", {
  headers: admin,
  note: "The rules in force (the global one is the default).",
  show: (d) => ({
    commission_rules: d.commission_rules.map((r) => pick(r, ["id", "name", "rate_type", "value", "scope_type", "scope_id", "is_active"])),
    count: d.count,
    [MORE]: true,
  }),
})
await call("POST", "/admin/commission-rules", {
  headers: admin,
  body: { name: "Nordic Notebooks launch rate", rate_type: "percentage", value: 8, scope: { type: "vendor", id: nordic.id }, priority: 10 },
  note: "A vendor's own rate: 8% for Nordic Notebooks (a vendor rule is a floor that category, collection and type rules can raise; see `docs/commission.md`).",
  show: (d) => ({
    commission_rule: pick(d.commission_rule, ["id", "name", "rate_type", "value", "scope_type", "scope_id", "priority", "is_active"]),
  }),
})
await call("POST", "/admin/commission-rules/preview", {
  headers: admin,
  body: { vendor_id: nordic.id, unit_price: 24.5, quantity: 4, currency_code: "eur" },
  note: "What a line of 4 × €24.50 would pay, with the same resolution and rounding as checkout.",
  show: (d) => d,
})

say(`### Vendor orders and a refund`)
await call("GET", "/admin/vendor-orders?order=-created_at&limit=3", {
  headers: admin,
  note: "Every vendor order, newest first (filters: vendor_id, order_id, status, dates, `q`).",
  show: (d) => ({
    vendor_orders: d.vendor_orders.map((v) =>
      pick(v, { id: null, display_id: null, status: null, total: null, vendor: (x) => pick(x, ["handle"]), order_id: null })
    ),
    count: d.count,
    [MORE]: true,
  }),
})
const split = await call("GET", `/admin/orders/${orderId}/vendor-orders`, {
  headers: admin,
  note: "The order from walkthrough A: its vendor split, and the marketplace status derived from the parts.",
  show: (d) =>
    pick(d, {
      marketplace_status: null,
      vendor_orders: (vs) =>
        vs.map((v) =>
          pick(v, { id: null, status: null, vendor: (x) => pick(x, ["handle"]), total: null, refunded_total: null, commission_total: null })
        ),
    }),
})
const lumenPart = split.vendor_orders.find((v) => v.vendor?.handle === "lumen-office-lighting")
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10)
const range = `currency_code=eur&from=${monthAgo}&to=${tomorrow}`
const refundedBefore = (await call("GET", `/admin/analytics/overview?${range}`, { headers: admin, record: false })).overview.refunded_total
await call("POST", `/admin/vendor-orders/${lumenPart.id}/refunds`, {
  headers: admin,
  body: { amount: 10, note: "Lamp arrived with a scratched base; goodwill refund agreed with the buyer" },
  note: "A goodwill refund on Lumen's part, without a return: Medusa refunds the payment, the ledger records the refund and reverses the commission on it in proportion.",
  show: (d) => ({ vendor_order: pick(d.vendor_order, ["id", "status", "total", "refunded_total"]) }),
})
await call("GET", `/admin/vendors/${lumenPart.vendor.id}/transactions?vendor_order_id=${lumenPart.id}`, {
  headers: admin,
  note: "Lumen's ledger for that vendor order: the sale, the commission, the refund and the commission reversal.",
  show: (d) => ({
    transactions: d.transactions.map((t) => pick(t, ["type", "amount", "currency_code", "description"])),
    count: d.count,
    [MORE]: true,
  }),
})

say(`### Figures`)
// The sales facts are kept by subscribers after each event; wait until the refund is in them.
await until(
  "the analytics to include the refund",
  async () => (await call("GET", `/admin/analytics/overview?${range}`, { headers: admin, record: false })).overview,
  (o) => o.refunded_total >= refundedBefore + 10
)
await call("GET", `/admin/analytics/overview?${range}`, {
  headers: admin,
  note: "The marketplace over the last 30 days: GMV, commission, refunds, orders, AOV, buyers and companies, with the previous period and the change (null where the previous period had nothing).",
  show: (d) => ({
    overview: pick(d.overview, {
      currency_code: null,
      from: null,
      to: null,
      gmv: null,
      commission_total: null,
      net_total: null,
      refunded_total: null,
      order_count: null,
      vendor_order_count: null,
      average_order_value: null,
      buyer_count: null,
      previous: (p) => pick(p, ["gmv", "order_count"]),
      change: (c) => pick(c, ["gmv", "order_count"]),
    }),
  }),
})
await call("GET", `/admin/analytics/top?${range}&dimension=vendor&limit=5`, {
  headers: admin,
  note: "The biggest vendors by GMV net of refunds (also `product`, `category`, `company`; `format=csv`).",
  show: (d) => d,
})

say(`### Payouts and the audit trail`)
await call("GET", "/admin/payouts?limit=5", {
  headers: admin,
  note: "Payouts, newest first (filters: vendor_id, run_id, status, provider, dates). Failed ones can be retried (`POST /admin/payouts/:id/retry`).",
  show: (d) => ({
    payouts: d.payouts.map((p) => pick(p, ["id", "vendor_id", "status", "amount", "currency_code", "provider", "reference"])),
    count: d.count,
    [MORE]: true,
  }),
})
await call("GET", "/admin/audit-log?actor_type=user&limit=3", {
  headers: admin,
  note: "What the operators did, newest first: every change to access and money is in the audit log, with the fields before and after and the request id.",
  show: (d) => ({
    audit_entries: first(d.audit_entries, 3, (e) =>
      pick(e, { action: null, target_type: null, target_id: null, before: few, after: few, request_id: null })
    ),
    count: d.count,
    [MORE]: true,
  }),
})

await db.end()
fs.writeFileSync(OUT, md.join("\n"))
console.log(`[api-guide] ${step} calls recorded into ${path.relative(process.cwd(), OUT)}`)
