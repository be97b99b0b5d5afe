import fc from "fast-check"
import middlewareConfig from "../../src/api/middlewares"
import { liliumIntegrationTestRunner, type Api } from "../helpers/runner"
import { bearer, sellingVendor } from "../helpers/vendor"
import { readyCart, registerCustomer } from "../helpers/store"
import { COMPANY_MODULE } from "../../src/modules/company"
import type CompanyModuleService from "../../src/modules/company/service"
import { diffSnapshots, snapshotDb, type DbSnapshot } from "../helpers/db-snapshot"
import { bodyRoutes, bodySchemaFor, routeFiles, type BodyRoute } from "../helpers/route-table"
import {
  getPath,
  hostileValidBodies,
  malformedArbitrary,
  mkCase,
  oneBrokenCases,
  setPath,
  slots,
  validBody,
  type Case,
} from "../helpers/zod-fuzz"

/**
 * Bad input, generated (issue 13, item 4). Every Lilium write route is read
 * from the code: the POST routes of src/api/**\/route.ts and the body schema
 * that src/api/middlewares.ts validates each with. For each route, bodies
 * are generated from its zod schema: a valid body with exactly one thing
 * broken (per field), fast-check's random versions of that plus junk, and
 * bodies the schema accepts that carry hostile strings and numbers or
 * another vendor's ids. The answer is never a 500; a refused body writes
 * nothing (a fingerprint of every table before and after).
 *
 * Per route: up to MAX_ONE_BROKEN one-broken cases (one per field first) +
 * FUZZ_RUNS fast-check cases. FUZZ_SEED reproduces a run (the seed is printed).
 */

const MAX_ONE_BROKEN = Number(process.env.FUZZ_MAX_ONE_BROKEN ?? 16)
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 8)
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31)
const FILE_STARTED = Date.now()

// Route files whose POST has no Lilium body schema, on purpose.
const NO_BODY_SCHEMA: Record<string, string> = {
  // Medusa's own route, overridden line for line: its contract (no body; Medusa's query validator) is Medusa's.
  "/store/carts/:id/complete": "Medusa's cart-complete route, overridden; Medusa reads no body",
  // Stripe signs the raw bytes; the handler checks the signature before reading anything.
  "/hooks/payouts/stripe": "Stripe webhook: raw body, signature-checked",
}
// Statuses a route may answer before or instead of validation; anything else for a refused body is a bug.
const REFUSED = new Set([400, 401, 403, 404, 409, 413])
// With the caller's own token and ids, a malformed body must reach validation: anything but 400 there
// means the test is not exercising the schema (add the route's token or a real id to the set-up).
const VALIDATION = new Set([400])

// npm test runs jest with --silent; the closing numbers go straight to stdout.
const report = (text: string) => process.stdout.write(`\n${text}\n`)

const CONCURRENCY = 3
const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since)
  return Math.round((u.user + u.system) / 1000)
}
async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn))
}

type Problem = { route: string; case: string; status: number; detail: string }

const config: any = (middlewareConfig as any).default ?? middlewareConfig

liliumIntegrationTestRunner({
  withCatalog: false,
  testSuite: ({ api, adminHeaders, storeHeaders, basics, dbConnection, getContainer }) => {
    const routes = bodyRoutes(config).filter((r) => /^\/(vendor|admin|store)\//.test(r.path))
    let ctx: {
      admin: { headers: Record<string, string> }
      vendorA: { headers: Record<string, string> }
      registration: { headers: Record<string, string> }
      customer: { headers: Record<string, string> }
      pathIds: Record<string, string>
      otherTenant: Record<string, string>
      realistic: Record<string, unknown>
    }

    const send = async (
      method: string,
      url: string,
      c: Case,
      auth: { headers: Record<string, string> },
      retried = false
    ): Promise<{ status: number; message: string }> => {
      let res: any
      try {
        // The runner's api is an axios instance; request() sends any method with the raw JSON text.
        res = await (api as Api & { request: (config: unknown) => Promise<any> }).request({
          method,
          url,
          data: c.json,
          transformRequest: [(d: unknown) => d],
          headers: { ...auth.headers, "content-type": "application/json" },
          validateStatus: () => true,
        } as any)
      } catch (e: any) {
        // A kept-alive socket the server closed while idle: the request never arrived; send it again once.
        if (e.code === "ECONNRESET" && !retried) return send(method, url, c, auth, true)
        // No HTTP answer at all (the connection dropped): as bad as a 500.
        return { status: 599, message: `${e.code ?? e.message} (no response; body ${c.json.length} bytes)` }
      }
      const msg = typeof res.data === "object" ? JSON.stringify(res.data) : String(res.data)
      return { status: res.status as number, message: msg.slice(0, 300) }
    }

    const authFor = (path: string) =>
      path === "/vendor/vendors" || path === "/vendor/invites/accept"
        ? ctx.registration
        : path.startsWith("/vendor/")
          ? ctx.vendorA
          : path.startsWith("/admin/")
            ? ctx.admin
            : ctx.customer

    /** The route's URL with each `:param` filled with a real id of the caller's own (prefix first, then the name). */
    const urlFor = (path: string, override: Record<string, string> = {}) =>
      path.replace(/:([A-Za-z0-9_]+)/g, (m, name, offset) => {
        if (override[m] !== undefined) return override[m]
        const prefix = path.slice(0, offset) + m
        const id = ctx.pathIds[prefix] ?? ctx.pathIds[m]
        if (!id) console.warn(`bad-input: no real id for ${prefix}; using a missing one (add it to pathIds)`)
        return id ?? "fuzz_missing_id"
      })

    // Subscribers (capture, analytics) run after responses; wait until nothing is written any more.
    async function settle(): Promise<DbSnapshot> {
      let prev = await snapshotDb(dbConnection)
      for (let i = 0; i < 40; i++) {
        await new Promise((r) => setTimeout(r, 200))
        const next = await snapshotDb(dbConnection)
        if (!diffSnapshots(prev, next).length) return next
        prev = next
      }
      return prev
    }

    beforeAll(async () => {
      const admin = await adminHeaders()
      const a = await sellingVendor(api, admin, {
        name: "Fuzz Alpha",
        email: "owner@fuzz-alpha.example",
        product: { title: "Alpha Crate", eur: 10, stock: 50 },
        shipping: { eur: 3 },
      })
      const b = await sellingVendor(api, admin, {
        name: "Fuzz Beta",
        email: "owner@fuzz-beta.example",
        product: { title: "Beta Barrel", eur: 20, stock: 50 },
        shipping: { eur: 4 },
      })
      // One order with both vendors' lines: vendor A's order, and vendor B's lines in the same master order.
      const eur = basics().regions.find((r) => r.currency_code === "eur")!
      const cart = await readyCart(api, storeHeaders(), {
        region_id: eur.id,
        email: "buyer@fuzz.example",
        lines: [
          { variant_id: a.variant_id, quantity: 3 },
          { variant_id: b.variant_id, quantity: 1 },
        ],
      })
      const { data: placed } = await api.post(`/store/carts/${cart.id}/complete`, {}, storeHeaders())
      const split = (await api.get(`/admin/orders/${placed.order.id}/vendor-orders`, admin)).data.vendor_orders
      const voA = split.find((v: any) => v.vendor.id === a.vendor.id)
      const voB = split.find((v: any) => v.vendor.id === b.vendor.id)
      await api.post(`/vendor/orders/${voA.id}/accept`, {}, a.headers)
      const fulfilled = (
        await api.post(`/vendor/orders/${voA.id}/fulfillments`, { items: [{ id: voA.items[0].id, quantity: 1 }] }, a.headers)
      ).data.vendor_order
      const member = (await api.get("/vendor/me", a.headers)).data.member
      const rule = (
        await api.post(
          "/admin/commission-rules",
          { name: "Fuzz rule", rate_type: "percentage", value: 5, scope: { type: "vendor", id: b.vendor.id } },
          admin
        )
      ).data.commission_rule
      const productB = (await api.get(`/admin/products/${b.product.id}?fields=id,*variants,*variants.inventory_items`, admin)).data.product
      const customer = await registerCustomer(api, storeHeaders(), "customer@fuzz.example")
      const reg = await api.post("/auth/vendor/emailpass/register", { email: "applicant@fuzz.example", password: "applicant-pw-1" })
      const asCustomer = { headers: { ...storeHeaders().headers, authorization: `Bearer ${customer.token}` } }
      const wishlist = (await api.post("/store/customers/me/wishlists", { name: "Fuzz list" }, asCustomer)).data.wishlist
      const listed = (await api.post(`/store/customers/me/wishlists/${wishlist.id}/items`, { variant_id: a.variant_id }, asCustomer)).data
        .wishlist
      // An order of the fuzz customer's own: the store scope answers 404 for anybody else's before the body is read.
      const own = await readyCart(api, storeHeaders(), {
        region_id: eur.id,
        email: customer.email,
        customerToken: customer.token,
        lines: [{ variant_id: a.variant_id, quantity: 1 }],
      })
      const ownOrder = (await api.post(`/store/carts/${own.id}/complete`, {}, asCustomer)).data.order
      // The fuzz customer's company (its admin employee), so company routes reach their body checks.
      const company = (await api.post("/store/companies", { name: "Fuzz Buying", email: "buying@fuzz.example" }, asCustomer)).data.company
      const employee = (await api.get("/store/companies/me", asCustomer)).data.employee
      const invite = (await api.post("/store/companies/me/invites", { email: "invitee@fuzz.example", role: "buyer" }, asCustomer)).data
        .invite
      const address = (
        await api.post("/store/companies/me/addresses", { address_1: "Fuzzweg 1", city: "Berlin", country_code: "de" }, asCustomer)
      ).data.address
      // A pending approval of the fuzz company (made directly, on another cart than the fuzzed one, which it would freeze).
      const approval = await getContainer()
        .resolve<CompanyModuleService>(COMPANY_MODULE)
        .createCompanyApprovals({
          company_id: company.id,
          cart_id: ownOrder.id,
          requested_by: employee.id,
          requester_customer_id: (await api.get("/store/customers/me", asCustomer)).data.customer.id,
          cart_fingerprint: "fuzz",
          cart_total: 1,
          currency_code: "eur",
        })
      // Vendor A's prices for that company, so the price-list routes reach their body checks.
      const priceList = (
        await api.post(
          "/vendor/price-lists",
          { company_id: company.id, title: "Fuzz prices", prices: [{ variant_id: a.variant_id, currency_code: "eur", amount: 1 }] },
          a.headers
        )
      ).data.price_list
      // A quote of the fuzz customer on a cart of its own with vendor A's line (not the fuzzed cart), so quote routes reach their checks.
      const quoteCart = (await api.post("/store/carts", { region_id: eur.id }, asCustomer)).data.cart
      await api.post(`/store/carts/${quoteCart.id}/line-items`, { variant_id: a.variant_id, quantity: 1 }, asCustomer)
      const quote = (await api.post("/store/quotes", { cart_id: quoteCart.id }, asCustomer)).data.quote

      ctx = {
        admin,
        vendorA: a.headers,
        registration: bearer(reg.data.token),
        customer: { headers: { ...storeHeaders().headers, authorization: `Bearer ${customer.token}` } },
        pathIds: {
          "/vendor/orders/:id": voA.id,
          "/vendor/products/:id": a.product.id,
          "/vendor/members/:id": member.id,
          ":variant_id": a.variant_id,
          ":option_id": a.product.options[0].id,
          ":fulfillment_id": fulfilled.fulfillments[0].id,
          "/admin/vendors/:id": a.vendor.id,
          "/admin/vendor-orders/:id": voA.id,
          "/admin/commission-rules/:id": rule.id,
          "/admin/orders/:id": placed.order.id,
          "/store/carts/:id": cart.id,
          "/store/orders/:id": ownOrder.id,
          "/store/customers/me/wishlists/:id": wishlist.id,
          ":item_id": listed.items[0].id,
          "/store/companies/me/employees/:id": employee.id,
          "/store/companies/me/invites/:id": invite.id,
          "/store/companies/me/addresses/:id": address.id,
          "/store/companies/me/approvals/:id": approval.id,
          "/admin/companies/:id": company.id,
          "/vendor/price-lists/:id": priceList.id,
          "/store/quotes/:id": quote.id,
          ":vendor_quote_id": quote.vendor_quotes[0].id,
          "/vendor/quotes/:id": quote.vendor_quotes[0].id,
        },
        // Ids of vendor B's resources, by the body key that carries them.
        otherTenant: {
          inventory_item_id: productB.variants[0].inventory_items[0].inventory_item_id,
          variant_id: b.variant_id,
          product_id: b.product.id,
          vendor_id: b.vendor.id,
          "items.id": voB.items[0].id,
          "variants.id": b.variant_id,
        },
        // Bodies that reach the handler's own checks (generated ones carry placeholder ids).
        realistic: {
          "POST /vendor/products": {
            title: "Fuzz Tenant Box",
            options: [{ title: "Size", values: ["One"] }],
            variants: [
              {
                title: "One",
                options: { Size: "One" },
                manage_inventory: true,
                prices: [{ currency_code: "eur", amount: 5 }],
                inventory_items: [{ inventory_item_id: "placeholder", required_quantity: 1 }],
              },
            ],
          },
          "POST /vendor/products/:id": { variants: [{ id: "placeholder", title: "Stolen" }] },
          "POST /vendor/orders/:id/fulfillments": { items: [{ id: "placeholder", quantity: 1 }] },
          "POST /vendor/orders/:id/returns": { items: [{ id: "placeholder", quantity: 1 }] },
          "POST /vendor/price-lists": {
            company_id: company.id,
            title: "Fuzz prices",
            prices: [{ variant_id: "placeholder", currency_code: "eur", amount: 1 }],
          },
          "POST /vendor/price-lists/:id": { prices: [{ variant_id: "placeholder", currency_code: "eur", amount: 1 }] },
        },
      }
      await settle()
    })

    it("every POST route of Lilium validates its body with a schema in src/api/middlewares.ts", () => {
      const files = routeFiles().filter((f) => f.methods.includes("POST"))
      const unvalidated = files
        .filter((f) => !NO_BODY_SCHEMA[f.path])
        .filter((f) => !bodySchemaFor(config, "POST", f.path))
        .map((f) => `POST ${f.path} (${f.file})`)
      expect(unvalidated).toEqual([])
      // And every body route of the table has a route file (no stale entries that cover nothing).
      const served = new Set(files.map((f) => f.path.replace(/:[A-Za-z0-9_]+/g, ":")))
      const stale = routes.filter((r) => !served.has(r.path.replace(/:[A-Za-z0-9_]+/g, ":"))).map((r) => `${r.method} ${r.path}`)
      expect(stale).toEqual([])
      expect(routes.length).toBeGreaterThan(20)
    })

    // Nothing here writes, so one test (the runner restores the database before each test, which costs seconds).
    it("malformed bodies and junk path ids: always refused (400, or 401/403/404/409 before validation), never 500, nothing written", async () => {
      const started = Date.now()
      const problems: Problem[] = []
      const table: string[] = []
      let total = 0
      const cpu = process.cpuUsage()
      // All bodies first, so the requests run back to back.
      const plan = routes.map((route) => {
        const min = validBody(route.schema, false)
        const full = validBody(route.schema, true)
        const base = full ?? min ?? {}
        const arbitrary = malformedArbitrary(route.schema, base)
        const cases = [
          ...oneBrokenCases(route.schema, base, MAX_ONE_BROKEN, SEED),
          ...(arbitrary ? fc.sample(arbitrary, { numRuns: FUZZ_RUNS, seed: SEED }) : []),
        ]
        return { route, cases }
      })
      const generated = Date.now() - started
      let before = await snapshotDb(dbConnection)
      for (const { route, cases } of plan) {
        const t0 = Date.now()
        const name = `${route.method} ${route.path}`
        const url = urlFor(route.path)
        const auth = authFor(route.path)
        const statuses: Record<number, number> = {}
        // Refused bodies write nothing, so a few at a time is the same test, faster.
        await inBatches(cases, CONCURRENCY, async (c) => {
          const res = await send(route.method, url, c, auth)
          statuses[res.status] = (statuses[res.status] ?? 0) + 1
          if (!VALIDATION.has(res.status))
            problems.push({ route: name, case: c.label, status: res.status, detail: `${c.json.slice(0, 200)} → ${res.message}` })
        })
        // One fingerprint between routes: the one after a route is the one before the next.
        const after = await snapshotDb(dbConnection)
        const written = diffSnapshots(before, after)
        before = after
        if (written.length)
          problems.push({ route: name, case: "(its refused bodies)", status: 0, detail: `wrote to ${written.join(", ")}` })
        total += cases.length
        table.push(`${name.padEnd(72)} ${String(cases.length).padStart(4)} cases  ${JSON.stringify(statuses)}  ${Date.now() - t0} ms`)
      }
      report(
        `bad-input (seed ${SEED}): ${routes.length} routes, ${total} malformed bodies ` +
          `(≤${MAX_ONE_BROKEN} one-broken + ${FUZZ_RUNS} fast-check per route), ${Date.now() - started} ms ` +
          `(${generated} ms generating), ${cpuMs(cpu)} ms CPU ` +
          `(${started - FILE_STARTED} ms since the file started: app boot and set-up)\n` +
          table.join("\n")
      )
      await junkPathIds(problems)
      expect(problems).toEqual([])
    }, 240_000)

    /** Junk ids in the path of every POST and DELETE route: refused, never 500, nothing written. */
    async function junkPathIds(problems: Problem[]) {
      const started = Date.now()
      const cpu = process.cpuUsage()
      const JUNK = [
        "fuzz_missing_id",
        "%00",
        encodeURIComponent("\u202Eabc😀\u200B"),
        "%ED%A0%80",
        "a".repeat(1500),
        "1%27%20or%20%271%27%3D%271",
      ]
      const writes = routeFiles()
        .filter((f) => /^\/(vendor|admin|store)\//.test(f.path) && f.path.includes(":"))
        .flatMap((f) => f.methods.filter((m) => m === "POST" || m === "DELETE").map((method) => ({ method, path: f.path })))
      let total = 0
      let before = await snapshotDb(dbConnection)
      for (const w of writes) {
        const schema = w.method === "POST" ? bodySchemaFor(config, "POST", w.path) : undefined
        const body = mkCase("valid", schema ? (validBody(schema, false) ?? {}) : {})
        const params = [...w.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[0])
        const cases = params.flatMap((param) =>
          JUNK.map((junk) => ({ label: `${param} = ${junk.slice(0, 30)}`, url: urlFor(w.path, { [param]: junk }) }))
        )
        await inBatches(cases, CONCURRENCY, async (c) => {
          const res = await send(w.method, c.url, body, authFor(w.path))
          if (!REFUSED.has(res.status))
            problems.push({ route: `${w.method} ${w.path}`, case: c.label, status: res.status, detail: res.message })
        })
        const after = await snapshotDb(dbConnection)
        const written = diffSnapshots(before, after)
        before = after
        if (written.length)
          problems.push({ route: `${w.method} ${w.path}`, case: "(junk ids)", status: 0, detail: `wrote to ${written.join(", ")}` })
        total += cases.length
      }
      report(
        `bad-input, junk path parameters: ${writes.length} write routes with parameters, ${total} requests, ${Date.now() - started} ms, ${cpuMs(cpu)} ms CPU`
      )
    }

    it("bodies the schema accepts with hostile values or another vendor's ids: never 500; refused ones write nothing", async () => {
      const started = Date.now()
      const problems: Problem[] = []
      const table: string[] = []
      let total = 0
      let before: DbSnapshot = await snapshotDb(dbConnection)
      let tenantCases = 0
      const tenantLines: string[] = []
      const cpu = process.cpuUsage()
      // State changes last: rejecting the vendor or its order would turn later routes into 409s.
      const order = (r: BodyRoute) =>
        (/\/(reject|suspend|approve|reinstate|cancel)$/.test(r.path) ? 1 : 0) + (r.path.startsWith("/admin/") ? 2 : 0)
      for (const route of [...routes].sort((x, y) => order(x) - order(y))) {
        const t0 = Date.now()
        const name = `${route.method} ${route.path}`
        const cases: (Case & { tenant?: boolean })[] = []
        const bases = [validBody(route.schema, false), validBody(route.schema, true)].filter((b) => b !== undefined)
        const seen = new Set<string>()
        // The smallest valid body that has string or number fields to carry the hostile values.
        const hostile = bases.map((b) => hostileValidBodies(route.schema, b)).find((list) => list.length) ?? []
        for (const c of hostile) if (!seen.has(c.json) && seen.add(c.json)) cases.push(c)
        // Another vendor's ids, wherever the body carries an id (vendor routes only: the operator sees every tenant).
        if (route.path.startsWith("/vendor/")) {
          const realistic = ctx.realistic[name]
          for (const b of [realistic, ...bases].filter(Boolean)) {
            for (const s of slots(route.schema, b)) {
              const key = String(s.path[s.path.length - 1])
              const parent = String(s.path.filter((p) => typeof p === "string").slice(-2, -1)[0] ?? "")
              const other = ctx.otherTenant[key] ?? ctx.otherTenant[`${parent}.${key}`]
              if (other && typeof getPath(b, s.path) === "string") {
                const c = mkCase(`${s.path.join(".")}: vendor B's id`, setPath(b, s.path, other))
                if (!seen.has(c.json) && seen.add(c.json)) cases.push({ ...c, tenant: true })
              }
            }
          }
        }
        const url = urlFor(route.path)
        const auth = authFor(route.path)
        const statuses: Record<number, number> = {}
        for (const c of cases) {
          const res = await send(route.method, url, c, auth)
          if (c.tenant) tenantLines.push(`  ${name} ${c.label} → ${res.status} ${res.message.slice(0, 120)}`)
          statuses[res.status] = (statuses[res.status] ?? 0) + 1
          const detail = `${c.json.slice(0, 200)} → ${res.message}`
          if (res.status >= 500) problems.push({ route: name, case: c.label, status: res.status, detail })
          else if (c.tenant && !REFUSED.has(res.status))
            problems.push({ route: name, case: c.label, status: res.status, detail: `accepted another vendor's id: ${detail}` })
          if (res.status >= 400) {
            const after = await snapshotDb(dbConnection)
            const written = diffSnapshots(before, after)
            before = after
            if (written.length)
              problems.push({ route: name, case: c.label, status: res.status, detail: `refused but wrote to ${written.join(", ")}` })
          } else {
            // An accepted body wrote; its subscribers may still be writing.
            before = await settle()
          }
        }
        total += cases.length
        tenantCases += cases.filter((c) => c.tenant).length
        if (cases.length)
          table.push(`${name.padEnd(72)} ${String(cases.length).padStart(4)} cases  ${JSON.stringify(statuses)}  ${Date.now() - t0} ms`)
      }
      report(
        `bad-input, hostile but schema-valid: ${total} bodies (${tenantCases} with another vendor's ids), ` +
          `${Date.now() - started} ms, ${cpuMs(cpu)} ms CPU; ${Date.now() - FILE_STARTED} ms since the file started\n${table.join("\n")}\nanother vendor's ids:\n${tenantLines.join("\n")}`
      )
      expect(problems).toEqual([])
    }, 240_000)
  },
})
