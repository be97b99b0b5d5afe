import { liliumIntegrationTestRunner } from "../helpers/runner"
import { readyCart } from "../helpers/store"
import { sellingVendor, demoVendorLogin } from "../helpers/vendor"
import { diffSnapshots, snapshotDb } from "../helpers/db-snapshot"
import { noThrow } from "../helpers/poll"
import { vendorOrdersByHandle } from "../helpers/vendor-order-flow"

const cents = (amount: number) => Math.round(amount * 100)
// Seconds on an idle machine; the limit is for a loaded CI box.
const SLOW = 300_000

/**
 * Issue 14, item 5: every money input follows one set of rules
 * (src/utils/money-input.ts), and zero-amount lines and orders go through
 * checkout, commission and the ledger to the cent.
 */
liliumIntegrationTestRunner({
  env: { MARKETPLACE_PAYOUT_HOLD_DAYS: "0", MARKETPLACE_MAX_AMOUNT: "1000000", MARKETPLACE_MAX_QUANTITY: "10000" },
  testSuite: ({ api, basics, catalog, storeHeaders, adminHeaders, dbConnection }) => {
    const eur = () => basics().regions.find((r) => r.currency_code === "eur")!
    const product = (handle: string) => catalog().products.find((p) => p.handle === handle)!
    const login = demoVendorLogin(api, catalog)
    const refused = (res: any) => [res.status, res.data?.message]
    const productBody = (amount: unknown, currency_code = "eur") => ({
      title: "Lamp shade",
      options: [{ title: "Size", values: ["One"] }],
      variants: [{ title: "One", options: { Size: "One" }, prices: [{ currency_code, amount }] }],
    })

    it(
      "refuses negative, non-finite, too large and too precise prices with a 400 and writes nothing",
      async () => {
        const lumen = await login("lumen-office-lighting")
        const before = await snapshotDb(dbConnection)
        const cases: [unknown, string, string][] = [
          [-5, "eur", "amount must not be negative"],
          [1_000_000.01, "eur", "amount must be at most 1000000"],
          [19.999, "eur", "amount has more decimals than EUR allows (2)"],
          [100.5, "jpy", "amount has more decimals than JPY allows (0)"],
        ]
        for (const [amount, currency, message] of cases) {
          const res = await api.post("/vendor/products", productBody(amount, currency), { ...lumen, ...noThrow })
          expect(res.status).toBe(400)
          expect(res.data.message).toContain(message)
        }
        // 1e400 is valid JSON and parses to Infinity.
        const raw = JSON.stringify(productBody(0)).replace('"amount":0', '"amount":1e400')
        const inf = await api.post("/vendor/products", raw, {
          headers: { ...lumen.headers, "content-type": "application/json" },
          ...noThrow,
        })
        expect(inf.status).toBe(400)
        expect(diffSnapshots(before, await snapshotDb(dbConnection))).toEqual([])

        // Updates: the same rules, and an amount must name its currency.
        const lamp = product("desk-lamp")
        const { data: current } = await api.get(`/vendor/products/${lamp.id}`, lumen)
        const variant = current.product.variants[0]
        const priceId = variant.prices.find((p: any) => p.currency_code === "eur").id
        const update = (price: Record<string, unknown>) =>
          api.post(
            `/vendor/products/${lamp.id}`,
            { variants: [{ id: variant.id, prices: [{ id: priceId, ...price }] }] },
            { ...lumen, ...noThrow }
          )
        expect(refused(await update({ currency_code: "eur", amount: -0.01 }))).toEqual([
          400,
          expect.stringContaining("amount must not be negative"),
        ])
        expect(refused(await update({ amount: 10 }))).toEqual([400, expect.stringContaining("currency_code is required with amount")])
        // A price of 0 is a price.
        const zero = await update({ currency_code: "eur", amount: 0 })
        expect(zero.status).toBe(200)
        expect(zero.data.product.variants[0].prices.find((p: any) => p.id === priceId).amount).toBe(0)

        // Vendor shipping prices.
        const ship = await api.post(
          "/vendor/shipping-options",
          { name: "Express", prices: [{ currency_code: "eur", amount: -4.95 }] },
          { ...lumen, ...noThrow }
        )
        expect(refused(ship)).toEqual([400, expect.stringContaining("amount must not be negative")])
        const ship2 = await api.post(
          "/vendor/shipping-options",
          { name: "Express", prices: [{ currency_code: "eur", amount: 4.955 }] },
          { ...lumen, ...noThrow }
        )
        expect(refused(ship2)).toEqual([400, expect.stringContaining("more decimals than EUR allows (2)")])

        // Medusa's own admin product routes get the same rules.
        const admin = await adminHeaders()
        const adminProduct = await api.post("/admin/products", { ...productBody(-5), status: "published" }, { ...admin, ...noThrow })
        expect(refused(adminProduct)).toEqual([400, "variants[0].prices[0].amount must not be negative"])
      },
      SLOW
    )

    it(
      "refuses bad adjustments, refunds and commission values, and bad cart quantities",
      async () => {
        const admin = await adminHeaders()
        const vendorId = catalog().vendors.find((v) => v.handle === "papyrus-supplies")!.id
        const adjust = (amount: unknown, currency_code = "eur") =>
          api.post(`/admin/vendors/${vendorId}/adjustments`, { amount, currency_code, reason: "Correction" }, { ...admin, ...noThrow })
        expect(refused(await adjust(0))).toEqual([400, expect.stringContaining("amount must not be 0")])
        expect(refused(await adjust(-2_000_000))).toEqual([400, expect.stringContaining("amount must be between -1000000 and 1000000")])
        expect(refused(await adjust(1.005))).toEqual([400, expect.stringContaining("amount has more decimals than EUR allows (2)")])
        const debit = await adjust(-12.5)
        expect(debit.status).toBe(200)

        const rule = (body: Record<string, unknown>) =>
          api.post("/admin/commission-rules", { name: "R", scope: { type: "global" }, ...body }, { ...admin, ...noThrow })
        expect(refused(await rule({ rate_type: "percentage", value: -1 }))).toEqual([
          400,
          expect.stringContaining("amount must not be negative"),
        ])
        expect(refused(await rule({ rate_type: "flat", value: 0.125, currency_code: "eur" }))).toEqual([
          400,
          expect.stringContaining("value has more decimals than EUR allows (2)"),
        ])
        expect(refused(await rule({ rate_type: "percentage", value: 10, currency_code: "eur", max_amount: 2_000_000 }))).toEqual([
          400,
          expect.stringContaining("amount must be at most 1000000"),
        ])
        expect((await rule({ rate_type: "percentage", value: 12.5 })).status).toBe(200)

        // Cart quantities: whole numbers from 1 to 10,000; 0 removes a line on update.
        const cart = (await api.post("/store/carts", { region_id: eur().id }, storeHeaders())).data.cart
        const add = (quantity: unknown) =>
          api.post(
            `/store/carts/${cart.id}/line-items`,
            { variant_id: product("paper-a4-500").variant_id, quantity },
            { ...storeHeaders(), ...noThrow }
          )
        expect(refused(await add(1.5))).toEqual([400, "quantity must be a whole number"])
        expect(refused(await add(10_001))).toEqual([400, "quantity must be at most 10000"])
        const ok = await add(2)
        expect(ok.status).toBe(200)
        const line = ok.data.cart.items[0]
        const set = (quantity: unknown) =>
          api.post(`/store/carts/${cart.id}/line-items/${line.id}`, { quantity }, { ...storeHeaders(), ...noThrow })
        expect(refused(await set(2.5))).toEqual([400, "quantity must be a whole number"])
        expect((await set(0)).data.cart.items).toEqual([])
        const created = await api.post(
          "/store/carts",
          { region_id: eur().id, items: [{ variant_id: product("paper-a4-500").variant_id, quantity: 0.5 }] },
          { ...storeHeaders(), ...noThrow }
        )
        expect(refused(created)).toEqual([400, "items[0].quantity must be a whole number"])
      },
      SLOW
    )

    it(
      "checks out a free sample with free shipping next to a normal line: 0 vendor order, 0 commission, a 0 sale row",
      async () => {
        const admin = await adminHeaders()
        const rule = (
          await api.post(
            "/admin/commission-rules",
            { name: "Marketplace 10%", rate_type: "percentage", value: 10, scope: { type: "global" } },
            admin
          )
        ).data.commission_rule
        const free = await sellingVendor(api, admin, {
          name: "Sample Shop",
          email: "samples@shop.example",
          product: { title: "Free sample", eur: 0, stock: 100 },
          shipping: { eur: 0 },
        })
        const cart = await readyCart(api, storeHeaders(), {
          region_id: eur().id,
          email: "buyer@zero.example",
          lines: [
            { variant_id: free.variant_id, quantity: 3 },
            { variant_id: product("paper-a4-500").variant_id, quantity: 5 },
          ],
        })
        const { data } = await api.post(`/store/carts/${cart.id}/complete`, {}, storeHeaders())
        expect(data.type).toBe("order")
        // Paper 5 × 6.45 = 32.25 + 4.95 shipping; the sample and its shipping are free.
        expect(cents(data.order.total)).toBe(3720)
        const vo = await vendorOrdersByHandle(api, admin, data.order.id)
        const sample = vo[free.vendor.handle]
        const paper = vo["papyrus-supplies"]
        expect([sample.total, sample.commission_total, sample.net_total].map(cents)).toEqual([0, 0, 0])
        expect([paper.total, paper.commission_total, paper.net_total].map(cents)).toEqual([3720, 322, 3398])

        const { vendor_order } = (await api.get(`/vendor/orders/${sample.id}`, free.headers)).data
        expect(vendor_order.commission_lines.map((l: any) => [l.line_type, l.rule_id, l.base_amount, l.amount])).toEqual([
          ["item", rule.id, 0, 0],
        ])
        const { data: tx } = await api.get("/vendor/transactions", free.headers)
        expect(tx.transactions.map((t: any) => [t.type, t.amount])).toEqual([["sale", 0]])
        expect((await api.get("/vendor/balance", free.headers)).data.balances).toEqual([
          { currency_code: "eur", pending: 0, available: 0, in_transit: 0, paid_out: 0 },
        ])
        const papyrus = await login("papyrus-supplies")
        expect((await api.get("/vendor/balance", papyrus)).data.balances).toEqual([
          { currency_code: "eur", pending: 33.98, available: 0, in_transit: 0, paid_out: 0 },
        ])

        // The free vendor order goes through its lifecycle; delivery releases 0.
        await api.post(`/vendor/orders/${sample.id}/accept`, {}, free.headers)
        const f = (await api.post(`/vendor/orders/${sample.id}/fulfillments`, {}, free.headers)).data.vendor_order.fulfillments[0].id
        await api.post(`/vendor/orders/${sample.id}/fulfillments/${f}/shipments`, {}, free.headers)
        const delivered = await api.post(
          `/vendor/orders/${sample.id}/fulfillments/${f}/mark-as-delivered`,
          {},
          { ...free.headers, ...noThrow }
        )
        expect([delivered.status, delivered.data.vendor_order?.status]).toEqual([200, "delivered"])
        expect((await api.get("/vendor/balance", free.headers)).data.balances).toEqual([
          { currency_code: "eur", pending: 0, available: 0, in_transit: 0, paid_out: 0 },
        ])
        // A payout run pays nothing for it.
        await api.post(
          "/vendor/payout-account",
          { provider: "manual", details: { account_holder: "Sample Shop", iban: "DE89 3704 0044 0532 0130 00" } },
          free.headers
        )
        const run = (await api.post("/admin/payout-runs", {}, admin)).data.payout_run
        expect(run.payouts.filter((p: any) => p.vendor_id === free.vendor.id)).toEqual([])
      },
      SLOW
    )

    it(
      "checks out an order whose only line and shipping are free",
      async () => {
        const admin = await adminHeaders()
        const free = await sellingVendor(api, admin, {
          name: "Free Shop",
          email: "free@shop.example",
          product: { title: "Catalogue", eur: 0, stock: 10 },
          shipping: { eur: 0 },
        })
        const cart = await readyCart(api, storeHeaders(), {
          region_id: eur().id,
          email: "buyer@zero.example",
          lines: [{ variant_id: free.variant_id, quantity: 1 }],
        })
        expect(cents(cart.total)).toBe(0)
        const res = await api.post(`/store/carts/${cart.id}/complete`, {}, { ...storeHeaders(), ...noThrow })
        expect([res.status, res.data.type]).toEqual([200, "order"])
        expect(cents(res.data.order.total)).toBe(0)
        const split = (await api.get(`/admin/orders/${res.data.order.id}/vendor-orders`, admin)).data.vendor_orders
        expect(split.map((v: any) => [v.vendor.id, cents(v.total), cents(v.commission_total)])).toEqual([[free.vendor.id, 0, 0]])
        const { data: tx } = await api.get("/vendor/transactions", free.headers)
        expect(tx.transactions.map((t: any) => [t.type, t.amount])).toEqual([["sale", 0]])
      },
      SLOW
    )
  },
})
