import { liliumIntegrationTestRunner } from "../helpers/runner"
import { readyCart, registerCustomer } from "../helpers/store"
import { demoVendorLogin } from "../helpers/vendor"
import { noThrow, waitFor } from "../helpers/poll"
import { capturedOrder, deliverVendorOrder, vendorOrdersByHandle } from "../helpers/vendor-order-flow"
import { diffSnapshots, snapshotDb } from "../helpers/db-snapshot"
import { rebuildSalesFacts } from "../../src/scripts/lib/rebuild-sales-facts"

/**
 * Issue 18, items 6 and 7: a vendor gives a buying company its own prices
 * (a Medusa price list on the company's customer group, the vendor's own
 * variants only), sees the buying company on its vendor orders, and the
 * analytics and the company's spend carry the company.
 */
liliumIntegrationTestRunner({
  env: { MARKETPLACE_PAYOUT_HOLD_DAYS: "0" },
  testSuite: ({ api, basics, catalog, storeHeaders, adminHeaders, dbConnection, getContainer }) => {
    const login = demoVendorLogin(api, catalog)
    const product = (handle: string) => catalog().products.find((p) => p.handle === handle)!
    const eur = () => basics().regions.find((r) => r.currency_code === "eur")!
    const asCustomer = async (email: string) => {
      const { token } = await registerCustomer(api, storeHeaders(), email)
      return { email, token, headers: { ...storeHeaders().headers, authorization: `Bearer ${token}` } }
    }
    const companyFacts = () =>
      dbConnection
        .raw(`select line_type, company_id, total_minor, refunded_minor, returned_quantity from sales_fact order by line_key`)
        .then((r: any) => r.rows)

    // One test: the runner restores the database before each test, which costs seconds on this box.
    it("company prices from a vendor, the company on vendor orders, analytics by company and the company's spend", async () => {
      const admin = await adminHeaders()
      const [lumen, oakline] = [await login("lumen-office-lighting"), await login("oakline-furniture")]
      const anna = await asCustomer("anna@acme-buying.example")
      const ben = await asCustomer("ben@solo.example")
      const company = (await api.post("/store/companies", { name: "Acme Buying GmbH", email: "buying@acme.example" }, anna)).data.company
      const lamp = product("desk-lamp")
      const paper = product("paper-a4-500")
      const chair = product("oak-office-chair")

      // ---- A vendor's prices for the company: only its own variants, nothing created otherwise.
      let before = await snapshotDb(dbConnection)
      for (const [body, status, message] of [
        // Another vendor's variant (alone, or next to an own one): 404 as a missing one.
        [
          { prices: [{ variant_id: chair.variant_id, currency_code: "eur", amount: 1 }] },
          404,
          `Variant with id: ${chair.variant_id} was not found`,
        ],
        [
          {
            prices: [
              { variant_id: lamp.variant_id, currency_code: "eur", amount: 40 },
              { variant_id: chair.variant_id, currency_code: "eur", amount: 1 },
            ],
          },
          404,
          `Variant with id: ${chair.variant_id} was not found`,
        ],
        [{ company_id: "comp_missing" }, 400, "Company with id: comp_missing was not found"],
        [{ prices: [{ variant_id: lamp.variant_id, currency_code: "eur", amount: -1 }] }, 400, /amount must not be negative/],
        [{ prices: [{ variant_id: lamp.variant_id, currency_code: "eur", amount: 12.345 }] }, 400, /more decimals than EUR allows/],
        [{ prices: [{ variant_id: lamp.variant_id, currency_code: "eur", amount: 1e12 }] }, 400, /amount must be at most/],
        [{ prices: [{ variant_id: lamp.variant_id, currency_code: "jpy", amount: 100 }] }, 400, /does not sell in JPY/],
        [
          { prices: [{ variant_id: lamp.variant_id, currency_code: "eur", amount: 1, min_quantity: 5, max_quantity: 2 }] },
          400,
          /max_quantity/,
        ],
        [{ starts_at: "2027-01-02T00:00:00Z", ends_at: "2027-01-01T00:00:00Z" }, 400, /ends_at must be after starts_at/],
      ] as [Record<string, unknown>, number, string | RegExp][]) {
        const res = await api.post(
          "/vendor/price-lists",
          {
            company_id: company.id,
            title: "Acme prices",
            prices: [{ variant_id: lamp.variant_id, currency_code: "eur", amount: 41.37 }],
            ...body,
          },
          { ...lumen, ...noThrow }
        )
        expect({ body, status: res.status, message: res.data.message }).toEqual({ body, status, message: expect.stringMatching(message) })
      }
      expect(diffSnapshots(before, await snapshotDb(dbConnection))).toEqual([])

      const created = await api.post(
        "/vendor/price-lists",
        {
          company_id: company.id,
          title: "Acme prices",
          description: "Framework agreement 2026",
          prices: [{ variant_id: lamp.variant_id, currency_code: "EUR", amount: 45 }],
        },
        lumen
      )
      const list = created.data.price_list
      expect(list).toEqual({
        id: expect.stringMatching(/^plist_/),
        title: "Acme prices",
        description: "Framework agreement 2026",
        status: "active",
        type: "override",
        starts_at: null,
        ends_at: null,
        company: { id: company.id, name: "Acme Buying GmbH" },
        prices: [
          { id: expect.any(String), variant_id: lamp.variant_id, currency_code: "eur", amount: 45, min_quantity: null, max_quantity: null },
        ],
        created_at: expect.any(String),
        updated_at: expect.any(String),
      })
      // Medusa's own view: the rule is the company's customer group.
      const medusa = (await api.get(`/admin/price-lists/${list.id}`, admin)).data.price_list
      expect([medusa.type, medusa.status, medusa.rules]).toEqual([
        "override",
        "active",
        { "customer.groups.id": [company.customer_group_id] },
      ])
      // Prices replaced (the old price is gone), title changed.
      const updated = await api.post(
        `/vendor/price-lists/${list.id}`,
        { title: "Acme 2026", prices: [{ variant_id: lamp.variant_id, currency_code: "eur", amount: 41.37 }] },
        lumen
      )
      expect(updated.data.price_list.title).toBe("Acme 2026")
      expect(updated.data.price_list.prices.map((p: any) => [p.variant_id, p.currency_code, p.amount])).toEqual([
        [lamp.variant_id, "eur", 41.37],
      ])
      expect(
        (await dbConnection.raw(`select count(*)::int as n from price where price_list_id = ? and deleted_at is null`, [list.id])).rows[0].n
      ).toBe(1)
      // Another vendor's variant on update: 404, the list unchanged.
      before = await snapshotDb(dbConnection)
      const foreign = await api.post(
        `/vendor/price-lists/${list.id}`,
        { prices: [{ variant_id: chair.variant_id, currency_code: "eur", amount: 1 }] },
        { ...lumen, ...noThrow }
      )
      expect(foreign.status).toBe(404)
      // Another vendor cannot see, change or delete the list: 404, nothing changed; its own list is empty.
      for (const call of [
        () => api.get(`/vendor/price-lists/${list.id}`, { ...oakline, ...noThrow }),
        () => api.post(`/vendor/price-lists/${list.id}`, { title: "Mine now" }, { ...oakline, ...noThrow }),
        () => api.delete(`/vendor/price-lists/${list.id}`, { ...oakline, ...noThrow }),
      ]) {
        expect((await call()).status).toBe(404)
      }
      expect(diffSnapshots(before, await snapshotDb(dbConnection))).toEqual([])
      expect((await api.get("/vendor/price-lists", oakline)).data).toEqual({ price_lists: [], count: 0, offset: 0, limit: 20 })
      expect((await api.get("/vendor/price-lists", lumen)).data.price_lists.map((l: any) => l.id)).toEqual([list.id])
      expect((await api.get(`/vendor/price-lists?company_id=${company.id}`, lumen)).data.count).toBe(1)
      // The companies a vendor knows: Lumen has a list for Acme; Oakline knows none.
      expect((await api.get("/vendor/companies", lumen)).data.companies).toEqual([
        { id: company.id, name: "Acme Buying GmbH", status: "active" },
      ])
      expect((await api.get("/vendor/companies", oakline)).data.companies).toEqual([])
      // A suspended company gets no new prices.
      await api.post(`/admin/companies/${company.id}`, { status: "suspended" }, admin)
      before = await snapshotDb(dbConnection)
      const suspended = await api.post(
        "/vendor/price-lists",
        { company_id: company.id, title: "X", prices: [{ variant_id: lamp.variant_id, currency_code: "eur", amount: 1 }] },
        { ...lumen, ...noThrow }
      )
      expect([suspended.status, suspended.data.message]).toEqual([400, expect.stringMatching(/is suspended/)])
      expect(diffSnapshots(before, await snapshotDb(dbConnection))).toEqual([])
      await api.post(`/admin/companies/${company.id}`, { status: "active" }, admin)

      // ---- The employee's cart gets the company price to the cent; another customer's the normal price; other vendors' lines theirs.
      const lines = [
        { variant_id: lamp.variant_id, quantity: 2 },
        { variant_id: paper.variant_id, quantity: 1 },
      ]
      const annaCart = await readyCart(api, storeHeaders(), { region_id: eur().id, email: anna.email, customerToken: anna.token, lines })
      const benCart = await readyCart(api, storeHeaders(), { region_id: eur().id, email: ben.email, customerToken: ben.token, lines })
      const priced = (cart: any) => cart.items.map((i: any) => [i.variant_id, i.unit_price, i.quantity]).sort()
      expect(priced(annaCart)).toEqual(
        [
          [lamp.variant_id, 41.37, 2],
          [paper.variant_id, 6.45, 1],
        ].sort()
      )
      expect(priced(benCart)).toEqual(
        [
          [lamp.variant_id, 49.9, 2],
          [paper.variant_id, 6.45, 1],
        ].sort()
      )
      // 2 × 41.37 + 6.45 + two vendors' shipping 2 × 4.95 (no tax rates in the test regions).
      expect([annaCart.item_total, annaCart.total, benCart.item_total]).toEqual([89.19, 99.09, 106.25])

      // ---- Checkout: the vendor sees the buying company on the employee's order, null on the other.
      const annaOrder = (await api.post(`/store/carts/${annaCart.id}/complete`, {}, anna)).data.order
      const benOrder = (await api.post(`/store/carts/${benCart.id}/complete`, {}, ben)).data.order
      await capturedOrder(api, admin, annaOrder.id)
      await capturedOrder(api, admin, benOrder.id)
      const annaSplit = await vendorOrdersByHandle(api, admin, annaOrder.id)
      const benSplit = await vendorOrdersByHandle(api, admin, benOrder.id)
      const annaLamp = annaSplit["lumen-office-lighting"]
      const detail = (await api.get(`/vendor/orders/${annaLamp.id}`, lumen)).data.vendor_order
      expect(detail.company).toEqual({ id: company.id, name: "Acme Buying GmbH" })
      expect((await api.get(`/vendor/orders/${benSplit["lumen-office-lighting"].id}`, lumen)).data.vendor_order.company).toBeNull()
      const page = (await api.get("/vendor/orders", lumen)).data.vendor_orders
      expect(Object.fromEntries(page.map((v: any) => [v.id, v.company]))).toEqual({
        [annaLamp.id]: { id: company.id, name: "Acme Buying GmbH" },
        [benSplit["lumen-office-lighting"].id]: null,
      })
      // With `fields`, the company is there only when asked for; other fields stay refused.
      const slim = (await api.get("/vendor/orders?fields=id,status", lumen)).data.vendor_orders[0]
      expect(Object.keys(slim).sort()).toEqual(["id", "items", "net_total", "shipping_methods", "status"])
      const asked = (await api.get("/vendor/orders?fields=id,company.name", lumen)).data.vendor_orders
      expect(asked.map((v: any) => v.company?.name ?? null).sort()).toEqual(["Acme Buying GmbH", null].sort())
      expect(asked.every((v: any) => !("order_id" in v))).toBe(true)
      expect((await api.get("/vendor/orders?fields=id,company.email", { ...lumen, ...noThrow })).status).toBe(400)
      // Now Papyrus knows Acme from its order.
      expect((await api.get("/vendor/companies", await login("papyrus-supplies"))).data.companies.map((c: any) => c.id)).toEqual([
        company.id,
      ])

      // ---- A refund: one of the two lamps comes back (41.37 refunded to the buyer).
      await deliverVendorOrder(api, lumen, annaLamp.id)
      await api.post(`/vendor/orders/${annaLamp.id}/returns`, { items: [{ id: annaLamp.items[0].id, quantity: 1 }] }, lumen)
      const refunded = await waitFor(
        async () => (await api.get(`/vendor/orders/${annaLamp.id}`, lumen)).data.vendor_order.refunded_total,
        (r) => r === 41.37
      )
      expect(refunded).toBe(41.37)

      // ---- Analytics: the facts carry the company; top?dimension=company and the overview's company count.
      const facts = await waitFor(companyFacts, (rows: any[]) => rows.length === 8 && rows.some((r) => r.returned_quantity === 1))
      expect(facts.filter((f: any) => f.company_id === company.id).length).toBe(4)
      expect(facts.filter((f: any) => f.company_id === null).length).toBe(4)
      const analytics = async () => {
        const top = (await api.get("/admin/analytics/top?dimension=company", admin)).data
        const { overview } = (await api.get("/admin/analytics/overview", admin)).data
        return {
          top: top.rows.map((r: any) => ({ id: r.id, name: r.name, gmv: r.gmv, order_count: r.order_count })),
          companies: overview.company_count,
          buyers: overview.buyer_count,
        }
      }
      // Item lines only (as for products): 82.74 + 6.45 less the returned lamp 41.37.
      const expected = { top: [{ id: company.id, name: "Acme Buying GmbH", gmv: 47.82, order_count: 1 }], companies: 1, buyers: 2 }
      expect(await analytics()).toEqual(expected)
      // npm run analytics:rebuild computes the same.
      await rebuildSalesFacts(getContainer())
      expect(await companyFacts()).toEqual(facts)
      expect(await analytics()).toEqual(expected)

      // ---- The company's spend (company admins), to the cent, net of the refund, by month, vendor and employee.
      const spend = (await api.get("/store/companies/me/spend", anna)).data.spend
      const annaEmployee = (await api.get("/store/companies/me", anna)).data.employee.id
      const zero = { order_count: 0, total: 0, refunded_total: 0, net_total: 0 }
      // The order: 99.09 placed, the lamp 41.37 back, 57.72 net. Lumen 87.69 (2 lamps + shipping), Papyrus 11.40.
      const placed = { order_count: 1, total: 99.09, refunded_total: 41.37, net_total: 57.72 }
      expect(spend.total).toEqual(placed)
      expect([spend.currency_code, spend.timezone, spend.by_period.length]).toEqual(["eur", "UTC", 12])
      expect(spend.by_period.at(-1)).toEqual({ period: new Date().toISOString().slice(0, 7), ...placed })
      expect(
        spend.by_period
          .slice(0, -1)
          .every(({ period, ...f }: any) => /^\d{4}-\d{2}$/.test(period) && JSON.stringify(f) === JSON.stringify(zero))
      ).toBe(true)
      expect(spend.by_vendor).toEqual([
        {
          vendor: { id: lamp.vendor_id, name: "Lumen Office Lighting", handle: "lumen-office-lighting" },
          order_count: 1,
          total: 87.69,
          refunded_total: 41.37,
          net_total: 46.32,
        },
        {
          vendor: { id: paper.vendor_id, name: "Papyrus Supplies", handle: "papyrus-supplies" },
          order_count: 1,
          total: 11.4,
          refunded_total: 0,
          net_total: 11.4,
        },
      ])
      expect(spend.by_employee).toEqual([
        {
          employee: {
            id: annaEmployee,
            customer_id: expect.any(String),
            email: anna.email,
            first_name: "Erika",
            last_name: "Muster",
            removed: false,
          },
          ...placed,
        },
      ])
      // from/to: a range before the order has nothing; bad ranges are 400; only a company's admin may read it.
      const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10)
      expect((await api.get(`/store/companies/me/spend?from=${day(40)}&to=${day(1)}`, anna)).data.spend.total).toEqual(zero)
      for (const q of ["from=2026-02-01&to=2026-01-01", "from=2020-01-01&to=2026-01-01", "from=yesterday", "currency_code=eur"]) {
        expect([q, (await api.get(`/store/companies/me/spend?${q}`, { ...anna, ...noThrow })).status]).toEqual([q, 400])
      }
      expect((await api.get("/store/companies/me/spend", { ...ben, ...noThrow })).status).toBe(404)
    })
  },
})
