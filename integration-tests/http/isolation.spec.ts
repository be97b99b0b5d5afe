import fs from "node:fs"
import path from "node:path"
import { liliumIntegrationTestRunner } from "../helpers/runner"
import { readyCart, registerCustomer } from "../helpers/store"
import { bearer } from "../helpers/vendor"
import { diffSnapshots, snapshotDb } from "../helpers/db-snapshot"
import { PARAM_KINDS, discoverVendorRoutes, paramRules } from "../../src/api/vendor/scope"
import { STORE_PARAM_KINDS, storeParamRules } from "../../src/api/store/scope"
import middlewares from "../../src/api/middlewares"
import { noThrow } from "../helpers/poll"
import { STOCK_ALERT_MODULE } from "../../src/modules/stock-alert"
import type StockAlertModuleService from "../../src/modules/stock-alert/service"
import { COMPANY_MODULE } from "../../src/modules/company"
import type CompanyModuleService from "../../src/modules/company/service"
import { companyRouteRoles, rolesFor } from "../../src/api/store/companies/middlewares"

/**
 * The isolation matrix. Every method of every route file under
 * src/api/vendor and src/api/store is found on disk and called with a
 * second tenant's token against the first tenant's resources; nobody lists
 * the routes by hand, so a route added later is in the matrix at once.
 *
 * - A route with path parameters (filled with the victim's ids): 403 or 404,
 *   and not one row of the database changed.
 * - A route without parameters acts on the caller's own tenant: its answer
 *   must not contain any of the victim's ids, and a refused write changed
 *   nothing.
 * - Every query that takes `fields` refuses the deep paths into other
 *   tenants' data (the master order, its payments, a vendor's members).
 */
const API_ROOT = path.join(__dirname, "../../src/api")

type RouteCase = { path: string; method: "GET" | "POST" | "DELETE"; params: string[] }

function discover(prefix: "vendor" | "store"): RouteCase[] {
  const out: RouteCase[] = []
  const walk = (dir: string, segs: string[]) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (e.name !== "__tests__") walk(path.join(dir, e.name), [...segs, e.name.replace(/^\[(.+)\]$/, ":$1")])
      } else if (e.name === "route.ts") {
        const src = fs.readFileSync(path.join(dir, e.name), "utf8")
        const methods = [...src.matchAll(/export\s+(?:async\s+function|const)\s+(GET|POST|DELETE)\b/g)].map((m) => m[1])
        const p = "/" + [prefix, ...segs].join("/")
        for (const method of new Set(methods)) {
          out.push({ path: p, method: method as RouteCase["method"], params: segs.filter((s) => s.startsWith(":")) })
        }
      }
    }
  }
  walk(path.join(API_ROOT, prefix), [])
  return out.sort((a, b) => (a.path + a.method).localeCompare(b.path + b.method))
}

const noJobDuringTheRun = (() => {
  const at = new Date(Date.now() + 12 * 3600_000)
  return `${at.getMinutes()} ${at.getHours()} * * *`
})()

liliumIntegrationTestRunner({
  // The victim's stock alert is on an in-stock variant: the back-in-stock job must not send it during the matrix
  // (a run between two snapshots would look like a change), so its next run is 12 hours away.
  env: { MARKETPLACE_PAYOUT_HOLD_DAYS: "0", STOCK_ALERTS_SCHEDULE: noJobDuringTheRun },
  testSuite: ({ api, basics, catalog, storeHeaders, adminHeaders, dbConnection, getContainer }) => {
    // The victim: Lumen and a buyer; the attackers: Oakline and another buyer.
    const victim: Record<string, string> = {}
    let attacker: { headers: Record<string, string> }
    let victimHeaders: { headers: Record<string, string> }
    let victimBuyer: { token: string; email: string }
    let otherBuyer: { token: string }
    // Employees of the victim's company in the roles below admin (the company route matrix).
    const victimRoles: Record<string, { headers: Record<string, string> }> = {}

    const login = async (email: string) => {
      const { data } = await api.post("/auth/vendor/emailpass", { email, password: "lilium-vendor" })
      return bearer(data.token)
    }
    /** One call of a route method with an empty body, never throwing on a status. */
    const callRoute = (method: string, url: string, headers: object) =>
      method === "GET"
        ? api.get(url, { ...headers, ...noThrow })
        : method === "DELETE"
          ? api.delete(url, { ...headers, ...noThrow })
          : api.post(url, {}, { ...headers, ...noThrow })
    const vendorEmail = (name: string) => `owner@${name}.demo`
    const product = (handle: string) => catalog().products.find((p) => p.handle === handle)!

    beforeAll(async () => {
      const admin = await adminHeaders()
      victimHeaders = await login(vendorEmail("lumen"))
      attacker = await login(vendorEmail("oakline"))
      victimBuyer = await registerCustomer(api, storeHeaders(), "victim@isolation.example")
      otherBuyer = await registerCustomer(api, storeHeaders(), "other@isolation.example")
      // One order with two vendors' lines: the master order holds the other
      // vendor's items, which the deep-field probes try to reach.
      const cart = await readyCart(api, storeHeaders(), {
        region_id: basics().regions.find((r) => r.currency_code === "eur")!.id,
        email: victimBuyer.email,
        customerToken: victimBuyer.token,
        lines: [
          { variant_id: product("desk-lamp").variant_id, quantity: 2 },
          { variant_id: product("oak-office-chair").variant_id, quantity: 1 },
        ],
      })
      const done = await api.post(
        `/store/carts/${cart.id}/complete`,
        {},
        {
          headers: { ...storeHeaders().headers, authorization: `Bearer ${victimBuyer.token}` },
        }
      )
      victim.order = done.data.order.id
      victim.cart = cart.id
      for (let i = 0; i < 60; i++) {
        const { data } = await api.get(`/admin/orders/${victim.order}?fields=payment_status`, admin)
        if (data.order.payment_status === "captured") break
        await new Promise((r) => setTimeout(r, 100))
      }
      const split = (await api.get(`/admin/orders/${victim.order}/vendor-orders`, admin)).data.vendor_orders
      const mine = split.find((v: any) => v.vendor.id === product("desk-lamp").vendor_id)
      victim.vendor_order = mine.id
      await api.post(`/vendor/orders/${mine.id}/accept`, {}, victimHeaders)
      const f = (await api.post(`/vendor/orders/${mine.id}/fulfillments`, {}, victimHeaders)).data.vendor_order.fulfillments[0].id
      victim.fulfillment = f
      await api.post(`/vendor/orders/${mine.id}/fulfillments/${f}/shipments`, {}, victimHeaders)
      await api.post(`/vendor/orders/${mine.id}/fulfillments/${f}/mark-as-delivered`, {}, victimHeaders)
      await api.post(
        "/vendor/payout-account",
        { provider: "manual", details: { account_holder: "Lumen GmbH", iban: "DE89 3704 0044 0532 0130 00", bic: "COBADEFFXXX" } },
        victimHeaders
      )
      await api.post("/admin/payout-runs", {}, admin)
      const payouts = (await api.get("/vendor/payouts", victimHeaders)).data.payouts
      victim.payout = payouts[0].id
      victim.transaction = (await api.get("/vendor/transactions", victimHeaders)).data.transactions[0].id
      victim.member = (await api.get("/vendor/members", victimHeaders)).data.members[0].id
      victim.product = product("desk-lamp").id
      victim.variant = product("desk-lamp").variant_id
      victim.option = (await api.get(`/vendor/products/${victim.product}`, victimHeaders)).data.product.options[0].id
      victim.vendor = product("desk-lamp").vendor_id
      victim.handle = catalog().vendors.find((v) => v.id === victim.vendor)!.handle
      const asVictimBuyer = { headers: { ...storeHeaders().headers, authorization: `Bearer ${victimBuyer.token}` } }
      const list = (await api.post("/store/customers/me/wishlists", { name: "Victim list" }, asVictimBuyer)).data.wishlist.id
      victim.wishlist = list
      const listed = await api.post(`/store/customers/me/wishlists/${list}/items`, { variant_id: victim.variant }, asVictimBuyer)
      victim.wishlist_item = listed.data.wishlist.items[0].id
      // An open cart of the (registered) victim buyer, with one line.
      const open = await api.post("/store/carts", { region_id: basics().regions.find((r) => r.currency_code === "eur")!.id }, asVictimBuyer)
      victim.open_cart = open.data.cart.id
      await api.post(`/store/carts/${victim.open_cart}/line-items`, { variant_id: victim.variant, quantity: 1 }, asVictimBuyer)
      // A quote the victim buyer asked for on that cart: its one part is the victim vendor's (quote, quote_part, vendor_quote).
      const quote = (await api.post("/store/quotes", { cart_id: victim.open_cart }, asVictimBuyer)).data.quote
      victim.quote = quote.id
      victim.vendor_quote = quote.vendor_quotes[0].id
      // A stock alert needs a sold-out variant; the row is the module's, made directly (the route is what is under test).
      const me = (await api.get("/store/customers/me", asVictimBuyer)).data.customer
      const alerts: StockAlertModuleService = getContainer().resolve(STOCK_ALERT_MODULE)
      const [alert] = await alerts.createStockAlerts([
        { customer_id: me.id, variant_id: victim.variant, sales_channel_id: basics().sales_channel_id },
      ])
      victim.stock_alert = alert.id
      // The victim buyer's company: its admin employee is the victim of the company_employee kind.
      await api.post("/store/companies", { name: "Victim Buying GmbH", email: "buying@victim.example" }, asVictimBuyer)
      victim.company_employee = (await api.get("/store/companies/me", asVictimBuyer)).data.employee.id
      for (const role of ["buyer", "approver"]) {
        const who = await registerCustomer(api, storeHeaders(), `${role}@victim-company.example`)
        const headers = { headers: { ...storeHeaders().headers, authorization: `Bearer ${who.token}` } }
        const { token } = (await api.post("/store/companies/me/invites", { email: who.email, role }, asVictimBuyer)).data
        await api.post("/store/companies/invites/accept", { token }, headers)
        victimRoles[role] = headers
      }
      // An open invite and an address of the victim's company.
      victim.company_invite = (
        await api.post("/store/companies/me/invites", { email: "pending@victim-company.example", role: "buyer" }, asVictimBuyer)
      ).data.invite.id
      victim.company_address = (
        await api.post(
          "/store/companies/me/addresses",
          { address_1: "Victimstraße 1", city: "Berlin", country_code: "de", is_default_shipping: true },
          asVictimBuyer
        )
      ).data.address.id
      // A pending approval of the victim's company, on the victim's completed cart (made directly: the routes are under test).
      const companies: CompanyModuleService = getContainer().resolve(COMPANY_MODULE)
      const [victimCompany] = await companies.listCompanyEmployees({ id: victim.company_employee }, { select: ["company_id"] })
      const approval = await companies.createCompanyApprovals({
        company_id: victimCompany.company_id,
        cart_id: victim.cart,
        requested_by: victim.company_employee,
        requester_customer_id: (await api.get("/store/customers/me", asVictimBuyer)).data.customer.id,
        cart_fingerprint: "isolation",
        cart_total: 1,
        currency_code: "eur",
      })
      victim.company_approval = approval.id
      // The victim's order, placed for the victim's company (the company_order kind; made directly, like the approval).
      await companies.createCompanyOrders({
        company_id: victimCompany.company_id,
        employee_id: victim.company_employee,
        customer_id: (await api.get("/store/customers/me", asVictimBuyer)).data.customer.id,
        order_id: victim.order,
        cart_id: victim.cart,
        currency_code: "eur",
        total: 1,
        placed_at: new Date(),
      })
      victim.company_order = victim.order
      // The victim vendor's prices for the victim buyer's company (the vendor_price_list kind).
      const priceList = await api.post(
        "/vendor/price-lists",
        {
          company_id: victimCompany.company_id,
          title: "Victim company prices",
          prices: [{ variant_id: victim.variant, currency_code: "eur", amount: 39.9 }],
        },
        victimHeaders
      )
      victim.vendor_price_list = priceList.data.price_list.id
      for (const [k, v] of Object.entries(victim)) if (!v) throw new Error(`setup: no victim ${k}`)
    })

    // The victim's id for each kind of path parameter (PARAM_KINDS), and for store routes.
    const KIND_IDS: Record<string, () => string> = {
      vendor_order: () => victim.vendor_order,
      fulfillment: () => victim.fulfillment,
      product: () => victim.product,
      product_variant: () => victim.variant,
      product_option: () => victim.option,
      vendor_member: () => victim.member,
      vendor_transaction: () => victim.transaction,
      payout: () => victim.payout,
      vendor_price_list: () => victim.vendor_price_list,
      vendor_quote: () => victim.vendor_quote,
    }
    // Not the master order: the attacker has its own vendor order in the same one.
    const victimIds = () => [
      victim.vendor_order,
      victim.fulfillment,
      victim.product,
      victim.variant,
      victim.option,
      victim.member,
      victim.transaction,
      victim.payout,
      victim.vendor_price_list,
      victim.vendor_quote,
    ]

    it("every /vendor route: another vendor's resources are 403/404 and nothing changes", async () => {
      const routes = discover("vendor")
      // Each parameter in the route tree has an ownership rule (the app refuses to start otherwise).
      for (const r of discoverVendorRoutes()) expect(() => paramRules(r)).not.toThrow()
      expect(routes.length).toBeGreaterThanOrEqual(30)
      const started = Date.now()
      const report: string[] = []
      for (const route of routes) {
        const rules = paramRules({ path: route.path, segments: route.path.slice(1).split("/") })
        const url = route.path
          .split("/")
          .map((seg, i) => {
            const rule = rules.find((r) => r.index === i - 1)
            return rule ? KIND_IDS[rule.kind]() : seg
          })
          .join("/")
        const before = await snapshotDb(dbConnection)
        const res = await callRoute(route.method, url, attacker)
        const changed = diffSnapshots(before, await snapshotDb(dbConnection))
        report.push(`${route.method} ${route.path} → ${res.status}`)
        expect({ route: `${route.method} ${route.path}`, status: res.status < 500 }).toEqual({
          route: `${route.method} ${route.path}`,
          status: true,
        })
        if (route.params.length) {
          expect({ route: `${route.method} ${url}`, status: [403, 404].includes(res.status), changed }).toEqual({
            route: `${route.method} ${url}`,
            status: true,
            changed: [],
          })
        } else {
          const body = JSON.stringify(res.data ?? "")
          for (const id of victimIds())
            expect({ route: `${route.method} ${route.path}`, leaks: body.includes(id) ? id : null }).toEqual({
              route: `${route.method} ${route.path}`,
              leaks: null,
            })
          if (res.status >= 400)
            expect({ route: `${route.method} ${route.path}`, changed }).toEqual({ route: `${route.method} ${route.path}`, changed: [] })
        }
      }
      // The victim still reads its own (so the 404s above are about the tenant, not broken routes).
      for (const p of [
        `/vendor/orders/${victim.vendor_order}`,
        `/vendor/products/${victim.product}`,
        `/vendor/payouts/${victim.payout}`,
        `/vendor/transactions/${victim.transaction}`,
        `/vendor/price-lists/${victim.vendor_price_list}`,
        `/vendor/quotes/${victim.vendor_quote}`,
      ]) {
        expect([p, (await api.get(p, { ...victimHeaders, ...noThrow })).status]).toEqual([p, 200])
      }
      console.log(`[isolation] ${routes.length} vendor route methods in ${Date.now() - started} ms:\n  ${report.join("\n  ")}`)
    })

    it("every query that takes `fields` has an allow-list and refuses deep paths into other tenants' data", async () => {
      const withFields = (middlewares as any).routes.flatMap((r: any) =>
        (r.middlewares ?? [])
          .filter((m: any) => m.querySchema?.shape && "fields" in m.querySchema.shape)
          .map((m: any) => ({ matcher: r.matcher as string, allowed: m.queryConfig?.allowed as string[] }))
      )
      expect(withFields.length).toBeGreaterThanOrEqual(2)
      const admin = await adminHeaders()
      const probes = [
        "id,order.items.*",
        "id,order.payment_collections.payments.*",
        "*order",
        "id,vendor.members.*",
        "id,vendor.email",
        "id,+order.customer.*",
      ]
      for (const { matcher, allowed } of withFields) {
        expect({ matcher, allowList: allowed?.length > 0 }).toEqual({ matcher, allowList: true })
        const headers = matcher.startsWith("/vendor") ? attacker : admin
        for (const fields of probes) {
          const res = await api.get(`${matcher}?fields=${encodeURIComponent(fields)}`, { ...headers, ...noThrow })
          expect({ matcher, fields, status: res.status }).toEqual({ matcher, fields, status: 400 })
        }
      }
      // The hole from the issue, as the victim itself: its own list never carries the master order.
      const own = await api.get(`/vendor/orders?fields=${encodeURIComponent("id,order.items.*")}`, { ...victimHeaders, ...noThrow })
      expect(own.status).toBe(400)
      expect(own.data.message).toMatch(/order\.items\.\*/)
      const page = (await api.get("/vendor/orders", victimHeaders)).data.vendor_orders
      expect(page.map((v: any) => v.id)).toEqual([victim.vendor_order])
      expect(JSON.stringify(page)).not.toContain(product("oak-office-chair").variant_id)
    })

    it("every list caps its page size", async () => {
      const admin = await adminHeaders()
      const lists = (middlewares as any).routes.flatMap((r: any) =>
        (r.middlewares ?? []).filter((m: any) => m.querySchema?.shape && "limit" in m.querySchema.shape).map(() => r.matcher as string)
      )
      expect(lists.length).toBeGreaterThanOrEqual(10)
      for (const matcher of lists) {
        const url = matcher.replace(":id", matcher.startsWith("/admin/vendors") ? victim.vendor : victim.vendor_order)
        const headers = url.startsWith("/vendor") ? victimHeaders : url.startsWith("/store") ? storeHeaders() : admin
        const res = await api.get(`${url}?limit=100000`, { ...headers, ...noThrow })
        expect({ url, status: res.status }).toEqual({ url, status: 400 })
      }
    })

    it("ids in a vendor's product body must be its own: another vendor's inventory item, variant, price or option is refused and nothing is written", async () => {
      const { data: lamp } = await api.get(
        `/admin/products/${victim.product}?fields=variants.inventory_items.inventory_item_id,variants.prices.id,options.id`,
        await adminHeaders()
      )
      const inventoryItem = lamp.product.variants[0].inventory_items[0].inventory_item_id
      const mine = (await api.get("/vendor/products", attacker)).data.products[0]
      const attempts: [string, any][] = [
        [
          "/vendor/products",
          {
            title: "Stolen stock",
            options: [{ title: "Size", values: ["One"] }],
            variants: [
              {
                title: "One",
                options: { Size: "One" },
                prices: [{ currency_code: "eur", amount: 1 }],
                inventory_items: [{ inventory_item_id: inventoryItem, required_quantity: 1 }],
              },
            ],
          },
        ],
        [`/vendor/products/${mine.id}`, { variants: [{ id: victim.variant, title: "Hijacked" }] }],
        [
          `/vendor/products/${mine.id}`,
          { variants: [{ id: mine.variants[0].id, prices: [{ id: lamp.product.variants[0].prices[0].id, amount: 0.01 }] }] },
        ],
        [`/vendor/products/${mine.id}`, { option_ids: [lamp.product.options[0].id] }],
        [`/vendor/products/${mine.id}`, { categories: [{ id: "pcat_does_not_exist" }] }],
      ]
      for (const [url, body] of attempts) {
        const before = await snapshotDb(dbConnection)
        const res = await api.post(url, body, { ...attacker, ...noThrow })
        expect({
          url,
          body: Object.keys(body),
          status: [400, 404].includes(res.status),
          changed: diffSnapshots(before, await snapshotDb(dbConnection)),
        }).toEqual({
          url,
          body: Object.keys(body),
          status: true,
          changed: [],
        })
      }
      // The victim's stock item is still the victim's alone.
      const { data } = await api.get(`/admin/inventory-items/${inventoryItem}?fields=variants.id`, await adminHeaders())
      expect(data.inventory_item.variants.map((v: any) => v.id)).toEqual([victim.variant])
      // And a vendor may still name its own inventory item.
      const own = await api.get(`/admin/products/${mine.id}?fields=variants.inventory_items.inventory_item_id`, await adminHeaders())
      const ownItem = own.data.product.variants[0].inventory_items[0].inventory_item_id
      const ok = await api.post(
        `/vendor/products/${mine.id}`,
        { variants: [{ id: mine.variants[0].id, title: "Renamed" }] },
        { ...attacker, ...noThrow }
      )
      expect([ok.status, ok.data.product?.variants?.[0]?.title]).toEqual([200, "Renamed"])
      expect(ownItem).toBeTruthy()
    })

    it("every company route, every method: a customer in no company is 404, an employee without the route's role 403, nothing changes", async () => {
      const outsider = { headers: { ...storeHeaders().headers, authorization: `Bearer ${otherBuyer.token}` } }
      const owner = { headers: { ...storeHeaders().headers, authorization: `Bearer ${victimBuyer.token}` } }
      const roles = new Map(companyRouteRoles().map((r) => [r.route.path, r.roles]))
      const routes = discover("store").filter((r) => roles.has(r.path))
      const checked: string[] = []
      for (const route of routes) {
        // The victim's row of the kind the store scope gives the parameter (company_employee, company_approval, …).
        const [rule] = storeParamRules({ path: route.path, segments: route.path.split("/").slice(1) })
        const url = rule ? route.path.replace(":id", victim[rule.kind]) : route.path
        const call = (h: object) => callRoute(route.method, url, h)
        const before = await snapshotDb(dbConnection)
        const callers: [string, object, number][] = [["no company", outsider, 404]]
        for (const role of ["buyer", "approver"])
          if (!(rolesFor(roles.get(route.path)!, route.method) as readonly string[]).includes(role))
            callers.push([role, victimRoles[role], 403])
        for (const [who, headers, status] of callers) {
          const res = await call(headers)
          expect({ url, method: route.method, who, status: res.status }).toEqual({ url, method: route.method, who, status })
        }
        expect({ url, method: route.method, changed: diffSnapshots(before, await snapshotDb(dbConnection)) }).toEqual({
          url,
          method: route.method,
          changed: [],
        })
        if (route.method === "GET") expect({ url, owner: ((await call(owner)) as any).status }).toEqual({ url, owner: 200 })
        checked.push(`${route.method} ${route.path}`)
      }
      expect(checked).toEqual(
        expect.arrayContaining([
          "GET /store/companies/me",
          "POST /store/companies/me/invites",
          "DELETE /store/companies/me/employees/:id",
          "POST /store/companies/me/approval-settings",
          "GET /store/companies/me/approvals",
          "POST /store/companies/me/approvals/:id/reject",
          "POST /store/companies/me",
          "DELETE /store/companies/me/invites/:id",
          "POST /store/companies/me/addresses/:id",
        ])
      )
      expect(checked.length).toBeGreaterThanOrEqual(roles.size)
    })

    it("every /store route of Lilium, every method: another customer's resource is 404 and nothing changes", async () => {
      const routes = discover("store").filter((r) => r.params.length)
      const other = { headers: { ...storeHeaders().headers, authorization: `Bearer ${otherBuyer.token}` } }
      const owner = { headers: { ...storeHeaders().headers, authorization: `Bearer ${victimBuyer.token}` } }
      // The victim's id for each kind of store path parameter (STORE_PARAM_KINDS in src/api/store/scope.ts).
      const STORE_KIND_IDS: Record<string, () => string> = {
        order: () => victim.order,
        cart: () => victim.open_cart,
        cart_capability: () => victim.cart,
        wishlist: () => victim.wishlist,
        wishlist_item: () => victim.wishlist_item,
        stock_alert: () => victim.stock_alert,
        company_employee: () => victim.company_employee,
        company_approval: () => victim.company_approval,
        company_invite: () => victim.company_invite,
        company_address: () => victim.company_address,
        company_order: () => victim.company_order,
        quote: () => victim.quote,
        quote_part: () => victim.vendor_quote,
        public: () => victim.handle,
      }
      // Medusa's rule on the cart it completes (the id is the capability) and a vendor's public profile.
      const OPEN_KINDS = ["cart_capability", "public"]
      const checked: string[] = []
      for (const route of routes) {
        const rules = storeParamRules({ path: route.path, segments: route.path.split("/").slice(1) })
        const url =
          "/" +
          route.path
            .split("/")
            .slice(1)
            .map((seg, i) => {
              const rule = rules.find((r) => r.index === i)
              return rule ? STORE_KIND_IDS[rule.kind]() : seg
            })
            .join("/")
        if (rules.some((r) => OPEN_KINDS.includes(r.kind))) {
          if (route.method === "GET")
            expect({ url, status: (await api.get(url, { ...other, ...noThrow })).status < 500 }).toEqual({ url, status: true })
          continue
        }
        const before = await snapshotDb(dbConnection)
        const call = (h: object) => callRoute(route.method, url, h)
        const res = await call(other)
        expect({ url, method: route.method, status: res.status }).toEqual({ url, method: route.method, status: 404 })
        expect({ url, method: route.method, changed: diffSnapshots(before, await snapshotDb(dbConnection)) }).toEqual({
          url,
          method: route.method,
          changed: [],
        })
        // Anonymous: 401 where a customer is required, 404 where anonymous callers are allowed (a registered customer's cart).
        const anon = await call(storeHeaders())
        expect({ url, method: route.method, anon: anon.status }).toEqual({
          url,
          method: route.method,
          anon: rules.some((r) => r.kind === "cart") ? 404 : 401,
        })
        if (route.method === "GET")
          expect({ url, owner: (await api.get(url, { ...owner, ...noThrow })).status }).toEqual({ url, owner: 200 })
        checked.push(`${route.method} ${route.path}`)
      }
      // The matrix reached the scoped routes (a route tree that lost its params would pass vacuously).
      expect(checked).toEqual(
        expect.arrayContaining([
          "DELETE /store/stock-alerts/:id",
          "POST /store/orders/:id/reorder",
          "POST /store/carts/:id/line-items/bulk",
          "DELETE /store/customers/me/wishlists/:id/items/:item_id",
          "POST /store/companies/me/employees/:id",
          "DELETE /store/companies/me/employees/:id",
          "POST /store/companies/me/approvals/:id/approve",
          "POST /store/quotes/:id/accept",
          "POST /store/quotes/:id/vendor-quotes/:vendor_quote_id/messages",
        ])
      )
      expect(Object.keys(STORE_PARAM_KINDS).length).toBeGreaterThanOrEqual(7)
      // The victim's rows are all still there.
      expect((await api.get(`/store/customers/me/wishlists/${victim.wishlist}`, owner)).data.wishlist.items.map((i: any) => i.id)).toEqual([
        victim.wishlist_item,
      ])
      expect((await api.get("/store/stock-alerts", owner)).data.stock_alerts.map((a: any) => [a.id, a.status])).toEqual([
        [victim.stock_alert, "active"],
      ])
      expect((await api.get("/store/companies/me", owner)).data.employee).toMatchObject({ id: victim.company_employee, role: "admin" })
      expect((await api.get(`/store/carts/${victim.open_cart}`, owner)).data.cart.items.map((i: any) => i.quantity)).toEqual([1])

      // Medusa's own store routes, through Lilium's links: no vendor secrets, no other vendor orders.
      const { data: store } = await api.get(
        `/store/products/${victim.product}?fields=${encodeURIComponent("*vendor,vendor.email,vendor.members.*")}`,
        storeHeaders()
      )
      expect(Object.keys(store.product.vendor).sort()).toEqual(["handle", "id", "name"])
      const deep = await api.get(`/store/orders/${victim.order}?fields=${encodeURIComponent("id,*vendor_orders")}`, {
        ...owner,
        ...noThrow,
      })
      expect(JSON.stringify(deep.data)).not.toContain("commission_total")
      const me = await api.get(`/store/customers/me?fields=${encodeURIComponent("id,*vendors")}`, { ...owner, ...noThrow })
      expect(JSON.stringify(me.data)).not.toContain(vendorEmail("lumen"))
      expect(Object.keys(PARAM_KINDS).length).toBeGreaterThanOrEqual(7)
    })
  },
})
