import { liliumIntegrationTestRunner } from "../helpers/runner"
import { readyCart } from "../helpers/store"
import { demoVendorLogin } from "../helpers/vendor"
import { noThrow } from "../helpers/poll"
import { vendorOrdersByHandle } from "../helpers/vendor-order-flow"

const cents = (amount: number) => Math.round(amount * 100)

liliumIntegrationTestRunner({
  // Delivered money is available at once, so availability is testable.
  env: { MARKETPLACE_PAYOUT_HOLD_DAYS: "0" },
  testSuite: ({ api, basics, catalog, storeHeaders, adminHeaders, dbConnection }) => {
    const eur = () => basics().regions.find((r) => r.currency_code === "eur")!
    const product = (handle: string) => catalog().products.find((p) => p.handle === handle)!
    const vendorId = (handle: string) => catalog().vendors.find((v) => v.handle === handle)!.id
    const login = demoVendorLogin(api, catalog)

    /**
     * Rules: 10% global; 5% for Oakline (shipping included); a flat €2 per
     * unit on the "Office" category (min €3, max €5 per line), which the lamp
     * is in through its subcategory "Lighting".
     */
    async function rules() {
      const admin = await adminHeaders()
      const { data: office } = await api.post("/admin/product-categories", { name: "Office", is_active: true }, admin)
      const { data: lighting } = await api.post(
        "/admin/product-categories",
        { name: "Lighting", parent_category_id: office.product_category.id, is_active: true },
        admin
      )
      await api.post(`/admin/product-categories/${lighting.product_category.id}/products`, { add: [product("desk-lamp").id] }, admin)
      const create = async (body: any) => (await api.post("/admin/commission-rules", body, admin)).data.commission_rule
      const global = await create({ name: "Marketplace 10%", rate_type: "percentage", value: 10, scope: { type: "global" } })
      const oakline = await create({
        name: "Oakline 5%",
        rate_type: "percentage",
        value: 5,
        include_shipping: true,
        scope: { type: "vendor", id: vendorId("oakline-furniture") },
      })
      // Below Lumen's floor (the global 10%), so the operator lets it override the floor (docs/commission.md).
      const office_ = await create({
        name: "Office flat",
        rate_type: "flat",
        value: 2,
        currency_code: "eur",
        min_amount: 3,
        max_amount: 5,
        overrides_vendor_floor: true,
        scope: { type: "product_category", id: office.product_category.id },
      })
      return { global, oakline, office: office_ }
    }

    async function checkout(lines: [string, number][]) {
      const cart = await readyCart(api, storeHeaders(), {
        region_id: eur().id,
        email: "buyer@ledger.example",
        lines: lines.map(([handle, quantity]) => ({ variant_id: product(handle).variant_id, quantity })),
      })
      const { data } = await api.post(`/store/carts/${cart.id}/complete`, {}, storeHeaders())
      const admin = await adminHeaders()
      return { order: data.order, vo: await vendorOrdersByHandle(api, admin, data.order.id) }
    }

    it("charges each line by its most specific rule, and posts sale and commission to each vendor's ledger", async () => {
      const r = await rules()
      // Lamp 3 × 49.90 (flat 2 × 3 = 6 → max 5), chair 289 (5%) + its shipping 4.95 (5%),
      // paper 5 × 6.45 = 32.25 (10% = 3.225 → 3.22, half-even).
      const { vo } = await checkout([
        ["desk-lamp", 3],
        ["oak-office-chair", 1],
        ["paper-a4-500", 5],
      ])
      const expected = {
        "lumen-office-lighting": { lines: [["item", r.office.id, 149.7, 5]], commission: 5, total: 154.65 },
        "oakline-furniture": {
          lines: [
            ["item", r.oakline.id, 289, 14.45],
            ["shipping", r.oakline.id, 4.95, 0.25],
          ],
          commission: 14.7,
          total: 293.95,
        },
        "papyrus-supplies": { lines: [["item", r.global.id, 32.25, 3.22]], commission: 3.22, total: 37.2 },
      } as const
      for (const [handle, want] of Object.entries(expected)) {
        const headers = await login(handle)
        const { vendor_order } = (await api.get(`/vendor/orders/${vo[handle].id}`, headers)).data
        expect(vendor_order.commission_lines.map((l: any) => [l.line_type, l.rule_id, l.base_amount, l.amount])).toEqual(want.lines)
        expect([cents(vendor_order.total), cents(vendor_order.commission_total), cents(vendor_order.net_total)]).toEqual([
          cents(want.total),
          cents(want.commission),
          cents(want.total) - cents(want.commission),
        ])
        const { data: tx } = await api.get("/vendor/transactions", headers)
        expect(tx.transactions.map((t: any) => [t.type, t.amount, t.status]).sort()).toEqual(
          [
            ["commission", -want.commission, "pending"],
            ["sale", want.total, "pending"],
          ].sort()
        )
        const { data: balance } = await api.get("/vendor/balance", headers)
        expect(balance.balances).toEqual(
          [{ currency_code: "eur", pending: want.total - want.commission, available: 0, in_transit: 0, paid_out: 0 }].map((b) => ({
            ...b,
            pending: Number(b.pending.toFixed(2)),
          }))
        )
      }
      expect(vo["lumen-office-lighting"].commission_total).toBe(5)

      // A later rule change never touches past lines.
      await api.post(`/admin/commission-rules/${r.global.id}`, { value: 20 }, await adminHeaders())
      const papyrus = await login("papyrus-supplies")
      const again = (await api.get(`/vendor/orders/${vo["papyrus-supplies"].id}`, papyrus)).data.vendor_order
      expect(again.commission_lines.map((l: any) => [l.rate_value, l.amount])).toEqual([[10, 3.22]])

      // The operator sees the revenue per vendor.
      const { data: revenue } = await api.get("/admin/commission-revenue?currency_code=eur", await adminHeaders())
      expect(revenue.commission_revenue.map((x: any) => [x.vendor.handle, x.commission_total])).toEqual([
        ["oakline-furniture", 14.7],
        ["lumen-office-lighting", 5],
        ["papyrus-supplies", 3.22],
      ])
    })

    it("delivery makes the money available; a partial return and a rejection post exact reversals", async () => {
      await rules()
      const { order, vo } = await checkout([
        ["desk-lamp", 3],
        ["paper-a4-500", 5],
      ])
      const papyrus = await login("papyrus-supplies")
      const lumen = await login("lumen-office-lighting")
      const paper = vo["papyrus-supplies"]
      for (let i = 0; i < 60; i++) {
        const { data } = await api.get(`/admin/orders/${order.id}?fields=payment_status`, await adminHeaders())
        if (data.order.payment_status === "captured") break
        await new Promise((r) => setTimeout(r, 100))
      }

      await api.post(`/vendor/orders/${paper.id}/accept`, {}, papyrus)
      const fulfilled = await api.post(`/vendor/orders/${paper.id}/fulfillments`, {}, { ...papyrus, ...noThrow })
      expect([fulfilled.status, fulfilled.data.message]).toEqual([200, undefined])
      const f = fulfilled.data.vendor_order.fulfillments[0].id
      await api.post(`/vendor/orders/${paper.id}/fulfillments/${f}/shipments`, {}, papyrus)
      expect((await api.get("/vendor/balance", papyrus)).data.balances[0]).toMatchObject({ available: 0, pending: 33.98 })
      await api.post(`/vendor/orders/${paper.id}/fulfillments/${f}/mark-as-delivered`, {}, papyrus)
      expect((await api.get("/vendor/balance", papyrus)).data.balances).toEqual([
        { currency_code: "eur", pending: 0, available: 33.98, in_transit: 0, paid_out: 0 },
      ])

      // 2 of 5 reams back: refund 12.90; commission back 3.22 × 12.90 / 37.20 = 1.1166 → 1.12.
      await api.post(`/vendor/orders/${paper.id}/returns`, { items: [{ id: paper.items[0].id, quantity: 2 }] }, papyrus)
      const { data: tx } = await api.get("/vendor/transactions?type[]=refund&type[]=commission_reversal", papyrus)
      expect(tx.transactions.map((t: any) => [t.type, t.amount, t.status]).sort()).toEqual([
        ["commission_reversal", 1.12, "available"],
        ["refund", -12.9, "available"],
      ])
      expect((await api.get("/vendor/balance", papyrus)).data.balances[0]).toMatchObject({ available: 22.2, pending: 0 })

      // An operator refund without a return: 1.00 back. Commission back in proportion to all refunds so far:
      // 3.22 × 13.90 / 37.20 = 1.2032 → 1.20, of which 1.12 is reversed already: 0.08 (not 0.0866 → 0.09 on its own).
      const admin = await adminHeaders()
      const tooMuch = await api.post(`/admin/vendor-orders/${paper.id}/refunds`, { amount: 30, note: "goodwill" }, { ...admin, ...noThrow })
      expect([tooMuch.status, tooMuch.data.message]).toEqual([400, "Cannot refund 30: only 24.3 of this vendor order is left to refund."])
      const refunded = (await api.post(`/admin/vendor-orders/${paper.id}/refunds`, { amount: 1, note: "Late delivery" }, admin)).data
        .vendor_order
      expect(refunded.refunded_total).toBe(13.9)
      const { data: tx2 } = await api.get("/vendor/transactions?type[]=refund&type[]=commission_reversal&limit=2", papyrus)
      expect(tx2.transactions.map((t: any) => [t.type, t.amount]).sort()).toEqual([
        ["commission_reversal", 0.08],
        ["refund", -1],
      ])
      expect((await api.get("/vendor/balance", papyrus)).data.balances[0]).toMatchObject({ available: 21.28, pending: 0 })
      expect(
        (await api.post(`/admin/vendor-orders/vord_missing/refunds`, { amount: 1, note: "x y z" }, { ...admin, ...noThrow })).status
      ).toBe(404)

      // Lumen rejects: its sale and commission are reversed exactly, to 0.
      await api.post(`/vendor/orders/${vo["lumen-office-lighting"].id}/reject`, { reason: "No stock" }, lumen)
      const { data: lumenTx } = await api.get("/vendor/transactions", lumen)
      expect(lumenTx.transactions.map((t: any) => [t.type, t.amount]).sort()).toEqual([
        ["commission", -5],
        ["commission_reversal", 5],
        ["refund", -154.65],
        ["sale", 154.65],
      ])
      expect((await api.get("/vendor/balance", lumen)).data.balances).toEqual([
        { currency_code: "eur", pending: 0, available: 0, in_transit: 0, paid_out: 0 },
      ])

      // The CSV export has the same rows, Excel-safe.
      const csv = await api.get("/vendor/transactions?format=csv", lumen)
      expect(csv.headers["content-type"]).toMatch(/text\/csv/)
      const lines = csv.data.trim().split("\r\n")
      expect(lines[0]).toBe("id,created_at,type,amount,currency_code,status,available_at,vendor_order_id,order_id,payout_id,reference,note")
      expect(lines).toHaveLength(5)
      expect(lines.some((l: string) => l.includes(",refund,-154.65,eur,"))).toBe(true)
    })

    it("a refund made in Medusa Admin reaches the vendors' ledgers in proportion, and Lilium's own refunds are not counted twice", async () => {
      await rules()
      const { order, vo } = await checkout([
        ["desk-lamp", 3],
        ["paper-a4-500", 5],
      ])
      const admin = await adminHeaders()
      let paymentId: string | undefined
      for (let i = 0; i < 60 && !paymentId; i++) {
        const { data } = await api.get(`/admin/orders/${order.id}?fields=payment_status,payment_collections.payments.id`, admin)
        if (data.order.payment_status === "captured") paymentId = data.order.payment_collections[0].payments[0].id
        else await new Promise((r) => setTimeout(r, 100))
      }
      // Medusa's own refund of 19.19: 1919 cents over what is left, 154.65 : 37.20 → 15.47 and 3.72.
      await api.post(`/admin/payments/${paymentId}/refund`, { amount: 19.19 }, admin)
      const [lumen, papyrus] = [await login("lumen-office-lighting"), await login("papyrus-supplies")]
      const refundRows = async (headers: any) =>
        (await api.get("/vendor/transactions?type[]=refund&type[]=commission_reversal", headers)).data.transactions
          .map((t: any) => [t.type, t.amount])
          .sort()
      for (let i = 0; i < 50 && (await refundRows(lumen)).length === 0; i++) await new Promise((r) => setTimeout(r, 100))
      // Commission back: 5 × 15.47 / 154.65 = 0.50; 3.22 × 3.72 / 37.20 = 0.32.
      expect(await refundRows(lumen)).toEqual([
        ["commission_reversal", 0.5],
        ["refund", -15.47],
      ])
      expect(await refundRows(papyrus)).toEqual([
        ["commission_reversal", 0.32],
        ["refund", -3.72],
      ])
      const split = (await api.get(`/admin/orders/${order.id}/vendor-orders`, admin)).data.vendor_orders
      expect(Object.fromEntries(split.map((v: any) => [v.vendor.handle, v.refunded_total]))).toEqual({
        "lumen-office-lighting": 15.47,
        "papyrus-supplies": 3.72,
      })

      // The operator's vendor refund goes through the same payment: reconciled, it adds nothing more.
      await api.post(`/admin/vendor-orders/${vo["papyrus-supplies"].id}/refunds`, { amount: 1, note: "Dented box" }, admin)
      await new Promise((r) => setTimeout(r, 1500))
      expect(await refundRows(papyrus)).toEqual([
        ["commission_reversal", 0.09],
        ["commission_reversal", 0.32],
        ["refund", -1],
        ["refund", -3.72],
      ])
      expect(await refundRows(lumen)).toEqual([
        ["commission_reversal", 0.5],
        ["refund", -15.47],
      ])
    })

    it("operator adjustments need a reason; the ledger is append-only in the database; tenants only see their own", async () => {
      const admin = await adminHeaders()
      const oakId = vendorId("oakline-furniture")
      const noReason = await api.post(
        `/admin/vendors/${oakId}/adjustments`,
        { amount: -2.5, currency_code: "eur" },
        { ...admin, ...noThrow }
      )
      expect(noReason.status).toBe(400)
      const zero = await api.post(
        `/admin/vendors/${oakId}/adjustments`,
        { amount: 0, currency_code: "eur", reason: "nothing" },
        { ...admin, ...noThrow }
      )
      expect(zero.status).toBe(400)
      const { data } = await api.post(
        `/admin/vendors/${oakId}/adjustments`,
        { amount: -2.5, currency_code: "EUR", reason: "Late shipment fee", idempotency_key: "fee-1" },
        admin
      )
      expect(data.transaction).toMatchObject({ type: "adjustment", amount: -2.5, currency_code: "eur", note: "Late shipment fee" })
      await api.post(
        `/admin/vendors/${oakId}/adjustments`,
        { amount: -2.5, currency_code: "eur", reason: "Late shipment fee", idempotency_key: "fee-1" },
        admin
      )
      const oak = await login("oakline-furniture")
      expect((await api.get("/vendor/balance", oak)).data.balances).toEqual([
        { currency_code: "eur", pending: 0, available: -2.5, in_transit: 0, paid_out: 0 },
      ])
      expect((await api.get(`/admin/vendors/${oakId}/balance`, admin)).data.balances[0].available).toBe(-2.5)
      expect((await api.get(`/admin/vendors/${oakId}/transactions`, admin)).data.count).toBe(1)

      // Append-only, enforced by PostgreSQL itself.
      await expect(dbConnection.raw("update vendor_transaction set amount = 100")).rejects.toThrow(/append-only/)
      await expect(dbConnection.raw("delete from vendor_transaction")).rejects.toThrow(/append-only/)
      const { rows } = await dbConnection.raw("select amount from vendor_transaction where vendor_id = ?", [oakId])
      expect(rows.map((r: any) => Number(r.amount))).toEqual([-2.5])

      // Other tenants: nothing of Oakline's, and no access to the admin ledger.
      const lumen = await login("lumen-office-lighting")
      const txId = data.transaction.id
      expect((await api.get(`/vendor/transactions/${txId}`, oak)).data.transaction).toMatchObject({ id: txId, amount: -2.5 })
      expect((await api.get(`/vendor/transactions/${txId}`, { ...lumen, ...noThrow })).status).toBe(404)
      expect((await api.get("/vendor/transactions", lumen)).data.count).toBe(0)
      expect((await api.get("/vendor/balance", lumen)).data.balances).toEqual([])
      expect((await api.get(`/admin/vendors/${oakId}/transactions`, { ...lumen, ...noThrow })).status).toBe(401)
      expect((await api.get(`/admin/vendors/ven_missing/balance`, { ...admin, ...noThrow })).status).toBe(404)
      const bad = await api.get("/vendor/transactions?type=gift", { ...lumen, ...noThrow })
      expect(bad.status).toBe(400)
      expect((await api.get("/admin/commission-revenue?from=yesterday", { ...admin, ...noThrow })).status).toBe(400)
      expect((await api.get(`/admin/vendors/${oakId}/transactions?format=xlsx`, { ...admin, ...noThrow })).status).toBe(400)
    })

    it("commission rules: CRUD with validation, and a preview that matches the split", async () => {
      const admin = await adminHeaders()
      for (const [body, message] of [
        [{ name: "x", rate_type: "percentage", value: 150, scope: { type: "global" } }, /at most 100/],
        [{ name: "x", rate_type: "flat", value: 2, scope: { type: "global" } }, /currency_code/],
        [{ name: "x", rate_type: "percentage", value: 5, scope: { type: "vendor" } }, /scope.id/],
        [{ name: "x", rate_type: "percentage", value: 5, scope: { type: "vendor", id: "ven_nope" } }, /does not exist/],
        [
          { name: "x", rate_type: "percentage", value: 5, min_amount: 9, max_amount: 1, currency_code: "eur", scope: { type: "global" } },
          /min_amount/,
        ],
        [{ name: "x", rate_type: "percentage", value: 5, scope: { type: "global" }, surprise: true }, /surprise|Unrecognized/i],
      ] as const) {
        const res = await api.post("/admin/commission-rules", body, { ...admin, ...noThrow })
        expect({ status: res.status, ok: message.test(res.data.message) }).toEqual({ status: 400, ok: true })
      }
      expect((await api.get("/admin/commission-rules", admin)).data.count).toBe(0)

      const r = await rules()
      const list = (await api.get("/admin/commission-rules?scope_type=vendor", admin)).data
      expect(list.commission_rules.map((x: any) => x.name)).toEqual(["Oakline 5%"])
      expect(list.commission_rules[0].scope).toEqual({ type: "vendor", id: vendorId("oakline-furniture") })
      const badUpdate = await api.post(`/admin/commission-rules/${r.office.id}`, { currency_code: null }, { ...admin, ...noThrow })
      expect(badUpdate.status).toBe(400)

      const preview = async (body: any) => (await api.post("/admin/commission-rules/preview", body, admin)).data
      const lamp = await preview({
        vendor_id: vendorId("lumen-office-lighting"),
        variant_id: product("desk-lamp").variant_id,
        unit_price: 49.9,
        quantity: 1,
        currency_code: "eur",
      })
      expect([lamp.rule.id, lamp.amount]).toEqual([r.office.id, 3]) // flat 2 → min 3
      const paper = await preview({
        vendor_id: vendorId("papyrus-supplies"),
        product_id: product("paper-a4-500").id,
        unit_price: 6.45,
        quantity: 5,
        currency_code: "eur",
      })
      expect([paper.rule.id, paper.amount]).toEqual([r.global.id, 3.22])
      const usd = await preview({
        vendor_id: vendorId("lumen-office-lighting"),
        variant_id: product("desk-lamp").variant_id,
        unit_price: 54.9,
        quantity: 1,
        currency_code: "usd",
      })
      expect([usd.rule.id, usd.amount]).toEqual([r.global.id, 5.49]) // the EUR flat rule does not apply to USD

      await api.delete(`/admin/commission-rules/${r.global.id}`, admin)
      const none = await preview({ vendor_id: vendorId("papyrus-supplies"), unit_price: 6.45, quantity: 5, currency_code: "eur" })
      expect([none.rule, none.amount]).toEqual([null, 0])
      expect((await api.get(`/admin/commission-rules/${r.global.id}`, { ...admin, ...noThrow })).status).toBe(404)
    })
  },
})
