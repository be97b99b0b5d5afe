import { MathBN } from "@medusajs/framework/utils"
import { liliumIntegrationTestRunner } from "../helpers/runner"
import { DE_ADDRESS, readyCart, registerCustomer } from "../helpers/store"
import { bearer } from "../helpers/vendor"
import { noThrow } from "../helpers/poll"

/** Amounts compared to the cent: Medusa's line totals carry more decimals. */
const cents = (amount: number) => Math.round(amount * 100)
const sum = (values: number[]) => Number(values.reduce<any>((a, v) => MathBN.add(a, v), MathBN.convert(0)))

liliumIntegrationTestRunner({
  testSuite: ({ api, basics, catalog, storeHeaders, adminHeaders, getContainer }) => {
    const eur = () => basics().regions.find((r) => r.currency_code === "eur")!
    const variant = (handle: string) => catalog().products.find((p) => p.handle === handle)!.variant_id
    const vendorId = (handle: string) => catalog().vendors.find((v) => v.handle === handle)!.id
    const vendorLogin = async (handle: string) => {
      const email = catalog().vendors.find((v) => v.handle === handle)!.email
      const { data } = await api.post("/auth/vendor/emailpass", { email, password: "lilium-vendor" })
      return bearer(data.token)
    }
    // Lamp 2 × 49.90 (Lumen), chair 1 × 289.00 (Oakline), paper 3 × 6.45 (Papyrus).
    const THREE_VENDOR_LINES = () => [
      { variant_id: variant("desk-lamp"), quantity: 2 },
      { variant_id: variant("oak-office-chair"), quantity: 1 },
      { variant_id: variant("paper-a4-500"), quantity: 3 },
    ]

    /** 19% German VAT and a €15 promotion spread across all items. */
    async function vatAndPromotion() {
      const admin = await adminHeaders()
      const { data } = await api.get("/admin/tax-regions?country_code=de", admin)
      await api.post(
        "/admin/tax-rates",
        { tax_region_id: data.tax_regions[0].id, name: "DE VAT", code: "DE19", rate: 19, is_default: true },
        admin
      )
      await api.post(
        "/admin/promotions",
        {
          code: "SPREAD15",
          type: "standard",
          status: "active",
          is_automatic: false,
          application_method: { type: "fixed", target_type: "items", allocation: "across", value: 15, currency_code: "eur" },
        },
        admin
      )
    }

    const complete = (cartId: string, headers = storeHeaders()) =>
      api.post(`/store/carts/${cartId}/complete`, {}, { ...headers, ...noThrow })

    describe("the split", () => {
      it("splits a three-vendor cart with VAT and a spread promotion into three vendor orders that add up exactly", async () => {
        await vatAndPromotion()
        const customer = await registerCustomer(api, storeHeaders(), "erika@muster.example")
        const cart = await readyCart(api, storeHeaders(), {
          region_id: eur().id,
          lines: THREE_VENDOR_LINES(),
          promo_codes: ["SPREAD15"],
          customerToken: customer.token,
          email: customer.email,
        })
        expect(cart.shipping_methods).toHaveLength(3) // one per vendor
        const res = await complete(cart.id, { headers: { ...storeHeaders().headers, ...bearer(customer.token).headers } })
        expect(res.status).toBe(200)
        expect(Object.keys(res.data).sort()).toEqual(["order", "type"])
        expect(res.data.type).toBe("order")
        const order = res.data.order
        // 408.15 of items − 15.00 promotion, + 3 × 4.95 shipping, all with 19% VAT.
        expect(cents(order.total)).toBe(48552)
        expect(cents(order.discount_total)).toBe(1785)
        expect(cents(order.tax_total)).toBe(7752)
        expect(cents(order.shipping_total)).toBe(1767)

        // The vendor orders exist when complete answers.
        const admin = await adminHeaders()
        const { data } = await api.get(`/admin/orders/${order.id}/vendor-orders`, admin)
        expect(data.marketplace_status).toBe("pending")
        const byVendor = Object.fromEntries(data.vendor_orders.map((vo: any) => [vo.vendor.handle, vo]))
        expect(Object.keys(byVendor).sort()).toEqual(["lumen-office-lighting", "oakline-furniture", "papyrus-supplies"])

        // Each vendor's figures, computed here from prices, the promotion's
        // share (15 × line / 408.15) and 19% VAT, to the cent.
        const expected = (lineSubtotal: number) => {
          const discount = (15 * lineSubtotal) / 408.15
          const items = (lineSubtotal - discount) * 1.19
          return {
            item_total: items,
            shipping_total: 4.95 * 1.19,
            discount_total: discount * 1.19,
            total: items + 4.95 * 1.19,
            subtotal: lineSubtotal + 4.95,
          }
        }
        for (const [handle, lineSubtotal, qty] of [
          ["lumen-office-lighting", 99.8, 2],
          ["oakline-furniture", 289, 1],
          ["papyrus-supplies", 19.35, 3],
        ] as const) {
          const vo = byVendor[handle]
          const want = expected(lineSubtotal)
          expect({
            status: vo.status,
            display_id: vo.display_id,
            currency_code: vo.currency_code,
            items: vo.items.map((i: any) => i.quantity),
            subtotal: cents(vo.subtotal),
            item_total: cents(vo.item_total),
            shipping_total: cents(vo.shipping_total),
            discount_total: cents(vo.discount_total),
            total: cents(vo.total),
            commission_total: vo.commission_total,
            net_total: cents(vo.net_total),
          }).toEqual({
            status: "pending",
            display_id: 1,
            currency_code: "eur",
            items: [qty],
            subtotal: cents(want.subtotal),
            item_total: cents(want.item_total),
            shipping_total: cents(want.shipping_total),
            discount_total: cents(want.discount_total),
            total: cents(want.total),
            commission_total: 0,
            net_total: cents(want.total),
          })
          expect(vo.shipping_methods).toHaveLength(1)
        }

        // The parts add up to the master order, field by field.
        const vos = data.vendor_orders
        for (const field of ["total", "subtotal", "item_total", "shipping_total", "discount_total", "tax_total"]) {
          expect(sum(vos.map((vo: any) => vo[field])).toFixed(6)).toBe(Number(order[field]).toFixed(6))
        }

        // Each vendor sees its own order and none of the others' items.
        for (const handle of Object.keys(byVendor)) {
          const headers = await vendorLogin(handle)
          const mine = (await api.get("/vendor/orders", headers)).data
          expect(mine.count).toBe(1)
          expect(mine.vendor_orders[0].id).toBe(byVendor[handle].id)
          const detail = (await api.get(`/vendor/orders/${byVendor[handle].id}`, headers)).data.vendor_order
          expect(detail.items.map((i: any) => i.id)).toEqual(byVendor[handle].items.map((i: any) => i.id))
          expect(detail.customer).toMatchObject({ email: "erika@muster.example", first_name: "Erika", last_name: "Muster" })
          expect(detail.shipping_address).toMatchObject({ city: "Berlin", postal_code: "10115", country_code: "de" })
          expect(detail.status_history).toEqual([
            expect.objectContaining({ from_status: null, to_status: "pending", actor_type: "system" }),
          ])
          for (const other of Object.keys(byVendor).filter((h) => h !== handle)) {
            const foreign = await api.get(`/vendor/orders/${byVendor[other].id}`, { ...headers, ...noThrow })
            expect(foreign.status).toBe(404)
          }
        }

        // The buyer sees the parts of its own order; another customer gets 404.
        const buyer = { headers: { ...storeHeaders().headers, ...bearer(customer.token).headers } }
        const mine = (await api.get(`/store/orders/${order.id}/vendor-orders`, buyer)).data
        expect(mine.vendor_orders.map((vo: any) => vo.vendor.name).sort()).toEqual([
          "Lumen Office Lighting",
          "Oakline Furniture",
          "Papyrus Supplies",
        ])
        expect(Object.keys(mine.vendor_orders[0].vendor).sort()).toEqual(["handle", "name"])
        const stranger = await registerCustomer(api, storeHeaders(), "stranger@example.com")
        const theirs = await api.get(`/store/orders/${order.id}/vendor-orders`, {
          headers: { ...storeHeaders().headers, ...bearer(stranger.token).headers },
          ...noThrow,
        })
        expect(theirs.status).toBe(404)
        expect((await api.get(`/store/orders/${order.id}/vendor-orders`, { ...storeHeaders(), ...noThrow })).status).toBe(401)

        // The customer is now a buyer of each of the three vendors.
        const query = getContainer().resolve("query")
        const { data: links } = await query.graph({
          entity: "customer",
          fields: ["id", "vendors.handle"],
          filters: { id: order.customer_id },
        })
        expect((links[0] as any).vendors.map((v: any) => v.handle).sort()).toEqual(Object.keys(byVendor).sort())

        // A second order numbers each vendor's orders on: #2.
        const again = await readyCart(api, storeHeaders(), {
          region_id: eur().id,
          lines: [{ variant_id: variant("desk-lamp"), quantity: 1 }],
        })
        const second = (await complete(again.id)).data.order
        const { data: split2 } = await api.get(`/admin/orders/${second.id}/vendor-orders`, admin)
        expect(split2.vendor_orders.map((vo: any) => [vo.vendor.handle, vo.display_id])).toEqual([["lumen-office-lighting", 2]])
      })

      it("ten concurrent completes of one cart give one order and one set of vendor orders", async () => {
        const cart = await readyCart(api, storeHeaders(), { region_id: eur().id, lines: THREE_VENDOR_LINES() })
        const results = await Promise.all(Array.from({ length: 10 }, () => complete(cart.id)))
        const orderIds = new Set(results.filter((r) => r.status === 200 && r.data.type === "order").map((r) => r.data.order.id))
        expect(orderIds.size).toBe(1)
        // Medusa may answer a racing request 409 ("already being completed"); never 500.
        expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true)
        const admin = await adminHeaders()
        expect((await api.get("/admin/orders", admin)).data.count).toBe(1)
        const { data } = await api.get("/admin/vendor-orders", admin)
        expect(data.count).toBe(3)
        expect(data.vendor_orders.every((vo: any) => vo.order_id === [...orderIds][0])).toBe(true)
      })

      it("a cart without one vendor's shipping method fails with Medusa's error, and creates nothing", async () => {
        const headers = storeHeaders()
        const { data } = await api.post(
          "/store/carts",
          { region_id: eur().id, email: "x@example.com", shipping_address: DE_ADDRESS },
          headers
        )
        const cartId = data.cart.id
        for (const line of THREE_VENDOR_LINES()) await api.post(`/store/carts/${cartId}/line-items`, line, headers)
        const { data: groups } = await api.get(`/store/carts/${cartId}/vendor-groups`, headers)
        expect(
          groups.vendor_groups.map((g: any) => [g.vendor.handle, g.items.length, g.shipping_options.length, g.selected_shipping_method_id])
        ).toEqual([
          ["lumen-office-lighting", 1, 1, null],
          ["oakline-furniture", 1, 1, null],
          ["papyrus-supplies", 1, 1, null],
        ])
        // Ship only two of the three vendors.
        for (const g of groups.vendor_groups.slice(0, 2)) {
          await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: g.shipping_options[0].id }, headers)
        }
        const after = (await api.get(`/store/carts/${cartId}/vendor-groups`, headers)).data.vendor_groups
        expect(after.map((g: any) => g.selected_shipping_method_id !== null)).toEqual([true, true, false])
        expect(after[0].shipping_options[0]).toMatchObject({ name: "Lumen Standard", amount: 4.95 })

        const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, headers)
        await api.post(
          `/store/payment-collections/${pc.payment_collection.id}/payment-sessions`,
          { provider_id: "pp_system_default" },
          headers
        )
        const res = await complete(cartId)
        expect(res.status).toBe(400)
        expect(res.data.message).toBe("The cart items require shipping profiles that are not satisfied by the current shipping methods")
        const admin = await adminHeaders()
        expect((await api.get("/admin/orders", admin)).data.count).toBe(0)
        expect((await api.get("/admin/vendor-orders", admin)).data.count).toBe(0)
        expect((await api.get(`/store/carts/missing/vendor-groups`, { ...headers, ...noThrow })).status).toBe(404)
      })

      it("splits orders made by other paths (a converted draft order) through order.placed", async () => {
        const admin = await adminHeaders()
        const { data: options } = await api.get(`/admin/shipping-options?fields=id,name`, admin)
        const lumen = options.shipping_options.find((o: any) => o.name === "Lumen Standard")
        const papyrus = options.shipping_options.find((o: any) => o.name === "Papyrus Parcel")
        const { data: draft } = await api.post(
          "/admin/draft-orders",
          {
            email: "draft@example.com",
            region_id: eur().id,
            sales_channel_id: basics().sales_channel_id,
            items: [
              { variant_id: variant("desk-lamp"), quantity: 1 },
              { variant_id: variant("paper-a4-500"), quantity: 2 },
            ],
            shipping_methods: [
              { shipping_option_id: lumen.id, name: lumen.name, amount: 4.95 },
              { shipping_option_id: papyrus.id, name: papyrus.name, amount: 4.95 },
            ],
            shipping_address: DE_ADDRESS,
            billing_address: DE_ADDRESS,
          },
          admin
        )
        const { data: converted } = await api.post(`/admin/draft-orders/${draft.draft_order.id}/convert-to-order`, {}, admin)
        const orderId = converted.order.id
        let split: any[] = []
        for (let i = 0; i < 50 && split.length < 2; i++) {
          split = (await api.get(`/admin/orders/${orderId}/vendor-orders`, admin)).data.vendor_orders
          if (split.length < 2) await new Promise((r) => setTimeout(r, 100))
        }
        expect(split.map((vo: any) => [vo.vendor.handle, cents(vo.total)])).toEqual([
          ["lumen-office-lighting", 4990 + 495],
          ["papyrus-supplies", 1290 + 495],
        ])
      })
    })

    describe("reads and input", () => {
      it("filters, searches, sorts and pages vendor orders; bad queries get 400", async () => {
        const lumen = await vendorLogin("lumen-office-lighting")
        for (const [email, qty] of [
          ["a@buyers.example", 1],
          ["b@buyers.example", 2],
          ["c@other.example", 3],
        ] as const) {
          const cart = await readyCart(api, storeHeaders(), {
            region_id: eur().id,
            email,
            lines: [{ variant_id: variant("desk-lamp"), quantity: qty }],
          })
          expect((await complete(cart.id)).status).toBe(200)
        }
        const all = (await api.get("/vendor/orders?order=display_id", lumen)).data
        expect(all.vendor_orders.map((vo: any) => vo.display_id)).toEqual([1, 2, 3])
        expect(all).toMatchObject({ count: 3, offset: 0, limit: 20 })
        const page = (await api.get("/vendor/orders?order=-display_id&limit=2&offset=1", lumen)).data
        expect(page.vendor_orders.map((vo: any) => vo.display_id)).toEqual([2, 1])
        expect(page.count).toBe(3)
        expect((await api.get("/vendor/orders?q=buyers.EXAMPLE", lumen)).data.count).toBe(2)
        expect((await api.get("/vendor/orders?q=%232", lumen)).data.vendor_orders.map((vo: any) => vo.email)).toEqual(["b@buyers.example"])
        expect((await api.get("/vendor/orders?status=pending", lumen)).data.count).toBe(3)
        expect((await api.get("/vendor/orders?status=shipped", lumen)).data.count).toBe(0)
        const future = new Date(Date.now() + 86400000).toISOString()
        expect((await api.get(`/vendor/orders?created_at[$gte]=${future}`, lumen)).data.count).toBe(0)
        expect((await api.get(`/vendor/orders?created_at[$lte]=${future}`, lumen)).data.count).toBe(3)
        expect(
          (await api.get("/admin/vendor-orders?vendor_id=" + vendorId("lumen-office-lighting"), await adminHeaders())).data.count
        ).toBe(3)

        // Another vendor sees none of them.
        expect((await api.get("/vendor/orders", await vendorLogin("oakline-furniture"))).data.count).toBe(0)

        for (const bad of ["status=lost", "order=email", "limit=abc", "vendor_id=ven_x", "created_at[$gte]=yesterday"]) {
          const res = await api.get(`/vendor/orders?${bad}`, { ...lumen, ...noThrow })
          expect({ bad, status: res.status }).toEqual({ bad, status: 400 })
        }
        expect((await api.get("/vendor/orders/vord_missing", { ...lumen, ...noThrow })).status).toBe(404)
        expect((await api.get("/admin/vendor-orders?status=lost", { ...(await adminHeaders()), ...noThrow })).status).toBe(400)
        expect((await api.get("/admin/orders/order_missing/vendor-orders", { ...(await adminHeaders()), ...noThrow })).status).toBe(404)
      })
    })
  },
})
