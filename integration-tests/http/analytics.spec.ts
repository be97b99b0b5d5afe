import { liliumIntegrationTestRunner } from "../helpers/runner"
import { readyCart } from "../helpers/store"
import { bearer } from "../helpers/vendor"
import { rebuildSalesFacts } from "../../src/scripts/lib/rebuild-sales-facts"
import { noThrow } from "../helpers/poll"
import { vendorOrdersByHandle } from "../helpers/vendor-order-flow"

/**
 * Analytics over known orders, placed through real checkouts and taken
 * through real vendor actions. The orders are then moved into the past
 * (their vendor orders' timestamps, in the source tables) and the facts
 * rebuilt from the source, so periods, time zones and a DST change can be
 * asserted exactly:
 * - A 2026-03-28 23:30Z (Berlin: 03-29 00:30): Lumen lamp ×1 (shipped after
 *   10 h), Papyrus paper ×2 (left pending);
 * - B 2026-03-29 10:00Z: Oakline chair ×1, rejected (refunded in full);
 * - C 2026-03-31 22:30Z (Berlin: 04-01 00:30, after the DST change): Lumen
 *   lamp ×3, shipped after 60 h, delivered, one lamp returned.
 * Commission 10% on items. Shipping is 4.95 per vendor order.
 */
liliumIntegrationTestRunner({
  testSuite: ({ api, basics, catalog, storeHeaders, adminHeaders, getContainer, dbConnection }) => {
    const eur = () => basics().regions.find((r) => r.currency_code === "eur")!
    const product = (handle: string) => catalog().products.find((p) => p.handle === handle)!
    const vendor = (handle: string) => catalog().vendors.find((v) => v.handle === handle)!
    const login = async (handle: string) => {
      const { data } = await api.post("/auth/vendor/emailpass", { email: vendor(handle).email, password: "lilium-vendor" })
      return bearer(data.token)
    }
    async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
      let last: T
      for (let i = 0; i < 100; i++) {
        last = await read()
        if (ok(last)) return last
        await new Promise((r) => setTimeout(r, 100))
      }
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last!)}`)
    }
    async function order(email: string, lines: [string, number][]) {
      const cart = await readyCart(api, storeHeaders(), {
        region_id: eur().id,
        email,
        lines: lines.map(([handle, quantity]) => ({ variant_id: product(handle).variant_id, quantity })),
      })
      const { data } = await api.post(`/store/carts/${cart.id}/complete`, {}, storeHeaders())
      const admin = await adminHeaders()
      await waitFor(
        async () => (await api.get(`/admin/orders/${data.order.id}?fields=payment_status`, admin)).data.order.payment_status,
        (s) => s === "captured",
        "capture"
      )
      return await vendorOrdersByHandle(api, admin, data.order.id)
    }
    async function ship(vo: any, headers: any, deliver: boolean) {
      await api.post(`/vendor/orders/${vo.id}/accept`, {}, headers)
      const f = (await api.post(`/vendor/orders/${vo.id}/fulfillments`, {}, headers)).data.vendor_order.fulfillments[0].id
      await api.post(`/vendor/orders/${vo.id}/fulfillments/${f}/shipments`, {}, headers)
      if (deliver) await api.post(`/vendor/orders/${vo.id}/fulfillments/${f}/mark-as-delivered`, {}, headers)
    }
    const facts = () =>
      dbConnection
        .raw(
          `select line_key, line_type, order_id, vendor_order_id, vendor_id, product_id, category_id, customer_id, vendor_order_status,
                is_order_head, is_vendor_order_head, quantity, returned_quantity, has_return, total_minor, discount_minor, tax_minor,
                refunded_minor, commission_minor, placed_at, accepted_at, shipped_at, delivered_at, canceled_at
           from sales_fact order by line_key`
        )
        .then((r: any) => r.rows)
    const rollups = async () => ({
      vendor: (
        await dbConnection.raw(
          `select * from sales_rollup_hourly where vendor_order_count <> 0 or gmv_minor <> 0 or commission_minor <> 0 order by vendor_id, bucket`
        )
      ).rows,
      all: (
        await dbConnection.raw(
          `select * from sales_rollup_hourly_all where order_count <> 0 or gmv_minor <> 0 order by currency_code, bucket`
        )
      ).rows,
    })

    async function scenario() {
      const admin = await adminHeaders()
      await api.post(
        "/admin/commission-rules",
        { name: "Marketplace 10%", rate_type: "percentage", value: 10, scope: { type: "global" } },
        admin
      )
      const [lumen, oak] = [await login("lumen-office-lighting"), await login("oakline-furniture")]
      const a = await order("anna@buyer.example", [
        ["desk-lamp", 1],
        ["paper-a4-500", 2],
      ])
      await ship(a["lumen-office-lighting"], lumen, false)
      const b = await order("ben@buyer.example", [["oak-office-chair", 1]])
      await api.post(`/vendor/orders/${b["oakline-furniture"].id}/reject`, { reason: "Out of oak" }, oak)
      const c = await order("anna@buyer.example", [["desk-lamp", 3]])
      const lamp = c["lumen-office-lighting"]
      await ship(lamp, lumen, true)
      await api.post(`/vendor/orders/${lamp.id}/returns`, { items: [{ id: lamp.items[0].id, quantity: 1 }] }, lumen)
      // The live facts (kept by the subscribers) settle: 4 vendor orders, 8 lines, the return counted.
      await waitFor(
        facts,
        (rows: any[]) =>
          rows.length === 8 && rows.some((r) => r.returned_quantity === 1 && r.refunded_minor === 4990) && rows.some((r) => r.canceled_at),
        "live facts"
      )
      return { a, b, c }
    }

    /** Moves the vendor orders' timestamps into March 2026 (source tables), then rebuilds the facts. */
    async function intoThePast(s: Awaited<ReturnType<typeof scenario>>) {
      const at = (iso: string, hours = 0) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString()
      const moves: [any, string, Record<string, number>][] = [
        [s.a["lumen-office-lighting"], "2026-03-28T23:30:00Z", { accepted_at: 1, fulfilled_at: 5, shipped_at: 10 }],
        [s.a["papyrus-supplies"], "2026-03-28T23:30:00Z", {}],
        [s.b["oakline-furniture"], "2026-03-29T10:00:00Z", { rejected_at: 2 }],
        [s.c["lumen-office-lighting"], "2026-03-31T22:30:00Z", { accepted_at: 2, fulfilled_at: 30, shipped_at: 60, delivered_at: 80 }],
      ]
      for (const [vo, placed, offsets] of moves) {
        const sets = ["created_at = ?", ...Object.keys(offsets).map((k) => `${k} = ?`)]
        await dbConnection.raw(`update vendor_order set ${sets.join(", ")} where id = ?`, [
          placed,
          ...Object.values(offsets).map((h) => at(placed, h)),
          vo.id,
        ])
      }
      await rebuildSalesFacts(getContainer())
    }

    it("keeps live facts equal to a rebuild from the source, then reports known orders exactly across periods, time zones, refunds and a rejection", async () => {
      const s = await scenario()
      const live = { facts: await facts(), rollups: await rollups() }
      const rebuilt = await rebuildSalesFacts(getContainer())
      expect(rebuilt).toEqual({ vendor_orders: 4, facts: 8 })
      expect({ facts: await facts(), rollups: await rollups() }).toEqual(live)
      // Every vendor order's lines add up to its ledger to the cent.
      const sums = (
        await dbConnection.raw(
          `select vendor_order_id, sum(total_minor)::int as total, sum(refunded_minor)::int as refunded, sum(commission_minor)::int as commission from sales_fact group by 1`
        )
      ).rows
      const expected: Record<string, [number, number, number]> = {
        [s.a["lumen-office-lighting"].id]: [5485, 0, 499],
        [s.a["papyrus-supplies"].id]: [1785, 0, 129],
        [s.b["oakline-furniture"].id]: [29395, 29395, 0],
        // 14.97 − 14.97 × 49.90 / 154.65 (4.83, half-even)
        [s.c["lumen-office-lighting"].id]: [15465, 4990, 1014],
      }
      expect(Object.fromEntries(sums.map((r: any) => [r.vendor_order_id, [r.total, r.refunded, r.commission]]))).toEqual(expected)

      await intoThePast(s)
      const admin = await adminHeaders()
      const get = async (path: string) => {
        const res = await api.get(path, { ...admin, ...noThrow })
        if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.data)}`)
        return res.data
      }

      // UTC, 28–31 March: A + B + C. GMV 54.85 + 17.85 + 0 + (154.65 − 49.90).
      const utc = (await get("/admin/analytics/overview?currency_code=eur&from=2026-03-28&to=2026-03-31")).overview
      expect(utc).toMatchObject({
        currency_code: "eur",
        gmv: 177.45,
        commission_total: 16.42,
        refunded_total: 343.85,
        order_count: 3,
        vendor_order_count: 4,
        canceled_vendor_order_count: 1,
        average_order_value: 59.15,
        buyer_count: 2,
        company_count: 0,
        from: "2026-03-28T00:00:00.000Z",
        to: "2026-04-01T00:00:00.000Z",
      })
      // Berlin, the same days: C is on 1 April there.
      const berlin = (await get("/admin/analytics/overview?currency_code=eur&from=2026-03-28&to=2026-03-31&tz=Europe/Berlin")).overview
      expect(berlin).toMatchObject({
        gmv: 72.7,
        commission_total: 6.28,
        order_count: 2,
        vendor_order_count: 3,
        average_order_value: 36.35,
        buyer_count: 2,
      })
      expect([berlin.from, berlin.to]).toEqual(["2026-03-27T23:00:00.000Z", "2026-03-31T22:00:00.000Z"])
      // A half-hour zone and an unaligned instant are read from the facts, with the same figures.
      const kolkata = (await get("/admin/analytics/overview?currency_code=eur&from=2026-03-28&to=2026-03-31&tz=Asia/Kolkata")).overview
      expect([kolkata.gmv, kolkata.order_count]).toEqual([72.7, 2])
      const unaligned = (await get("/admin/analytics/overview?currency_code=eur&from=2026-03-28T00:00:00.001Z&to=2026-04-01T00:00:00Z"))
        .overview
      expect([unaligned.gmv, unaligned.commission_total, unaligned.order_count, unaligned.buyer_count]).toEqual([177.45, 16.42, 3, 2])
      // The previous period of the same length, and the change.
      const late = (await get("/admin/analytics/overview?currency_code=eur&from=2026-03-30&to=2026-03-31")).overview
      expect([late.gmv, late.previous.gmv, late.change.gmv, late.previous.order_count, late.change.order_count]).toEqual([
        104.75, 72.7, 0.4409, 2, -0.5,
      ])

      // Daily, UTC and Berlin: empty days are zero rows.
      const day = (tz: string) => get(`/admin/analytics/sales?currency_code=eur&from=2026-03-28&to=2026-04-01&interval=day&tz=${tz}`)
      expect((await day("UTC")).series.map((r: any) => [r.period, r.gmv, r.order_count])).toEqual([
        ["2026-03-28", 72.7, 1],
        ["2026-03-29", 0, 1],
        ["2026-03-30", 0, 0],
        ["2026-03-31", 104.75, 1],
        ["2026-04-01", 0, 0],
      ])
      expect((await day("Europe/Berlin")).series.map((r: any) => [r.period, r.gmv, r.order_count])).toEqual([
        ["2026-03-28", 0, 0],
        ["2026-03-29", 72.7, 2],
        ["2026-03-30", 0, 0],
        ["2026-03-31", 0, 0],
        ["2026-04-01", 104.75, 1],
      ])
      const months = await get("/admin/analytics/sales?currency_code=eur&from=2026-03-01&to=2026-04-30&interval=month&tz=Europe/Berlin")
      expect(months.series.map((r: any) => [r.period, r.gmv, r.commission_total, r.order_count])).toEqual([
        ["2026-03-01", 72.7, 6.28, 2],
        ["2026-04-01", 104.75, 10.14, 1],
      ])
      const weeks = await get("/admin/analytics/sales?currency_code=eur&from=2026-03-23&to=2026-04-05&interval=week")
      expect(weeks.series.map((r: any) => [r.period, r.gmv])).toEqual([
        ["2026-03-23", 72.7],
        ["2026-03-30", 104.75],
      ])

      // Top lists.
      const range = "currency_code=eur&from=2026-03-28&to=2026-03-31"
      expect(
        (await get(`/admin/analytics/top?${range}&dimension=vendor`)).rows.map((r: any) => [
          r.name,
          r.gmv,
          r.order_count,
          r.commission_total,
        ])
      ).toEqual([
        ["Lumen Office Lighting", 159.6, 2, 15.13],
        ["Papyrus Supplies", 17.85, 1, 1.29],
        ["Oakline Furniture", 0, 1, 0],
      ])
      expect(
        (await get(`/admin/analytics/top?${range}&dimension=product`)).rows.map((r: any) => [r.id, r.gmv, r.order_count, r.quantity])
      ).toEqual([
        [product("desk-lamp").id, 149.7, 2, 3],
        [product("paper-a4-500").id, 12.9, 1, 2],
        [product("oak-office-chair").id, 0, 1, 1],
      ])
      expect((await get(`/admin/analytics/top?${range}&dimension=company`)).rows).toEqual([])

      // Vendor performance (SLA 48 h): Lumen shipped after 10 h and 60 h; Papyrus never shipped; Oakline rejected.
      const perf = await get(`/admin/analytics/vendors/performance?${range}`)
      const byVendor = Object.fromEntries(perf.vendors.map((v: any) => [v.vendor_id, v]))
      expect(byVendor[vendor("lumen-office-lighting").id]).toMatchObject({
        vendor_order_count: 2,
        acceptance_rate: 1,
        median_hours_to_ship: 35,
        cancellation_rate: 0,
        return_rate: 1,
        late_shipment_rate: 0.5,
      })
      expect(byVendor[vendor("papyrus-supplies").id]).toMatchObject({
        vendor_order_count: 1,
        acceptance_rate: null,
        median_hours_to_ship: null,
        cancellation_rate: 0,
        return_rate: null,
        late_shipment_rate: 1,
      })
      expect(byVendor[vendor("oakline-furniture").id]).toMatchObject({
        vendor_order_count: 1,
        acceptance_rate: 0,
        cancellation_rate: 1,
        late_shipment_rate: null,
      })
      expect(perf.count).toBe(3)
      expect(await get(`/admin/analytics/vendors/performance?${range}&offset=10`)).toMatchObject({ vendors: [], count: 3 })

      // CSV, streamed.
      const csv = await api.get(`/admin/analytics/sales?${range}&interval=day&format=csv`, admin)
      expect(csv.headers["content-type"]).toContain("text/csv")
      expect(csv.data).toBe(
        "period,gmv,commission_total,refunded_total,order_count,vendor_order_count\r\n" +
          "2026-03-28,72.7,6.28,0,1,2\r\n2026-03-29,0,0,293.95,1,1\r\n2026-03-30,0,0,0,0,0\r\n2026-03-31,104.75,10.14,49.9,1,1\r\n"
      )
      const topCsv = await api.get(`/admin/analytics/top?${range}&dimension=vendor&format=csv&limit=1`, admin)
      expect(topCsv.data).toBe(
        `id,name,gmv,order_count,commission_total,quantity\r\n${vendor("lumen-office-lighting").id},Lumen Office Lighting,159.6,2,15.13,3\r\n`
      )

      // Vendors see their own figures only.
      const lumen = await login("lumen-office-lighting")
      const own = (await api.get(`/vendor/analytics/overview?${range}`, lumen)).data.overview
      expect(own).toMatchObject({
        gmv: 159.6,
        commission_total: 15.13,
        net_total: 144.47,
        order_count: 2,
        vendor_order_count: 2,
        buyer_count: 1,
      })
      const papyrus = await login("papyrus-supplies")
      expect((await api.get(`/vendor/analytics/overview?${range}`, papyrus)).data.overview).toMatchObject({
        gmv: 17.85,
        net_total: 16.56,
        order_count: 1,
      })
      expect((await api.get(`/vendor/analytics/top?${range}`, papyrus)).data.rows.map((r: any) => r.id)).toEqual([
        product("paper-a4-500").id,
      ])
      expect((await api.get(`/vendor/analytics/sales?${range}&tz=Europe/Berlin`, lumen)).data.series.map((r: any) => r.gmv)).toEqual([
        0, 54.85, 0, 0,
      ])
      const foreign = await api.get(`/vendor/analytics/overview?${range}&vendor_id=${vendor("papyrus-supplies").id}`, {
        ...lumen,
        ...noThrow,
      })
      expect(foreign.status).toBe(400)

      // The admin pages' reads: a customer's vendors, a product's vendor, a vendor's products.
      const anna =
        s.a["lumen-office-lighting"].customer_id ??
        (await api.get(`/admin/vendor-orders/${s.a["lumen-office-lighting"].id}`, admin)).data.vendor_order.customer_id
      expect((await get(`/admin/customers/${anna}/vendors`)).vendors.map((v: any) => v.handle)).toEqual([
        "lumen-office-lighting",
        "papyrus-supplies",
      ])
      expect((await get(`/admin/products/${product("desk-lamp").id}/vendor`)).vendor).toMatchObject({
        id: vendor("lumen-office-lighting").id,
        name: "Lumen Office Lighting",
      })
      expect((await get(`/admin/vendors/${vendor("lumen-office-lighting").id}/products`)).products.map((p: any) => p.id)).toEqual([
        product("desk-lamp").id,
      ])
      for (const missing of [
        "/admin/customers/cus_missing/vendors",
        "/admin/products/prod_missing/vendor",
        "/admin/vendors/ven_missing/products",
      ]) {
        expect((await api.get(missing, { ...admin, ...noThrow })).status).toBe(404)
      }
    })

    it("refuses bad parameters with 400 and a clear message", async () => {
      const admin = await adminHeaders()
      const cases: [string, string][] = [
        ["/admin/analytics/overview?tz=Mars/Olympus", "IANA time zone"],
        ["/admin/analytics/overview?from=yesterday", "must be a date"],
        ["/admin/analytics/sales?interval=hour", "interval"],
        ["/admin/analytics/top?dimension=color", "dimension"],
        ["/admin/analytics/top?limit=1000", "limit"],
        ["/admin/analytics/overview?currency_code=euro", "currency_code"],
        ["/admin/analytics/overview?from=2026-02-30", "must be a date"],
        ["/admin/analytics/overview?from=2026-03-01T10:00:00", "with an offset"],
        ["/admin/analytics/sales?from=2026-03-05&to=2026-03-01", "from must be before to"],
        ["/admin/analytics/sales?from=2020-01-01&to=2026-01-01", "at most 1098 days"],
        ["/admin/analytics/overview?format=csv", "format"],
      ]
      for (const [path, message] of cases) {
        const res = await api.get(path, { ...admin, ...noThrow })
        expect([path, res.status, res.data.message]).toEqual([path, 400, expect.stringContaining(message)])
      }
      const empty = (await api.get("/admin/analytics/overview", admin)).data.overview
      expect(empty).toMatchObject({ currency_code: "eur", gmv: 0, order_count: 0, average_order_value: 0, change: { gmv: null } })
    })
  },
})
