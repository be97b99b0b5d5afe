import { liliumIntegrationTestRunner } from "../helpers/runner"
import { completeCart, readyCart, registerCustomer, US_ADDRESS } from "../helpers/store"

// The harness every later capability builds on: a real Store API checkout
// with a publishable key and pp_system_default, amounts checked to the cent.
liliumIntegrationTestRunner({
  testSuite: ({ api, basics, catalog, storeHeaders, adminHeaders }) => {
    const eur = () => basics().regions.find((r) => r.currency_code === "eur")!
    const usd = () => basics().regions.find((r) => r.currency_code === "usd")!
    const variant = (handle: string) => catalog().products.find((p) => p.handle === handle)!.variant_id

    describe("Store API set-up", () => {
      it("lists the regions with pp_system_default", async () => {
        const { data } = await api.get("/store/regions?fields=name,currency_code,*payment_providers", storeHeaders())
        expect(data.regions.map((r: any) => r.currency_code).sort()).toEqual(["eur", "usd"])
        for (const region of data.regions) {
          expect(region.payment_providers.map((p: any) => p.id)).toContain("pp_system_default")
        }
      })

      it("shows the seeded demo vendors: three active, the pending one hidden", async () => {
        const { data } = await api.get("/store/vendors", storeHeaders())
        expect(data.vendors.map((v: any) => v.handle)).toEqual([
          "lumen-office-lighting",
          "oakline-furniture",
          "papyrus-supplies",
        ])
        expect(catalog().vendors.find((v) => v.handle === "nordic-notebooks")!.status).toBe("pending")
        const login = await api.post("/auth/vendor/emailpass", { email: "owner@oakline.demo", password: "lilium-vendor" })
        const { data: mine } = await api.get("/vendor/products", {
          headers: { authorization: `Bearer ${login.data.token}` },
        })
        expect(mine.products.map((p: any) => p.handle)).toEqual(["oak-office-chair"])
      })

      it("refuses the Store API without a publishable key", async () => {
        const res = await api.get("/store/products", { validateStatus: () => true })
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(/publishable/i)
      })

      it("lists the seeded products with EUR prices", async () => {
        const { data } = await api.get(
          `/store/products?region_id=${eur().id}&fields=handle,*variants.calculated_price`,
          storeHeaders()
        )
        expect(data.count).toBe(3)
        const lamp = data.products.find((p: any) => p.handle === "desk-lamp")
        expect(lamp.variants[0].calculated_price.calculated_amount).toBe(49.9)
        expect(lamp.variants[0].calculated_price.currency_code).toBe("eur")
      })
    })

    describe("checkout", () => {
      it("completes a guest cart from two vendors in EUR, to the cent", async () => {
        const cart = await readyCart(api, storeHeaders(), {
          region_id: eur().id,
          lines: [
            { variant_id: variant("desk-lamp"), quantity: 2 }, // 2 × 49.90
            { variant_id: variant("paper-a4-500"), quantity: 3 }, // 3 × 6.45
          ],
        })
        // One shipping method per vendor (each has its own shipping profile).
        expect(cart.shipping_methods).toHaveLength(2)
        expect(cart.item_total).toBe(119.15)
        expect(cart.shipping_total).toBe(9.9) // 2 × 4.95
        expect(cart.total).toBe(129.05)

        const result = await completeCart(api, storeHeaders(), cart.id)
        expect(result.type).toBe("order")
        const order = result.order
        expect(order.currency_code).toBe("eur")
        expect(order.item_total).toBe(119.15)
        expect(order.shipping_total).toBe(9.9)
        expect(order.tax_total).toBe(0)
        expect(order.discount_total).toBe(0)
        expect(order.total).toBe(129.05)
        expect(order.items).toHaveLength(2)

        // The operator sees the order; Lilium captures the payment for the
        // total once the order is placed (a subscriber, so it is polled).
        let data: any
        for (let i = 0; i < 60; i++) {
          data = (
            await api.get(
              `/admin/orders/${order.id}?fields=id,total,payment_status,*payment_collections,*payment_collections.payments.captures`,
              await adminHeaders()
            )
          ).data
          if (data.order.payment_status === "captured") break
          await new Promise((r) => setTimeout(r, 100))
        }
        expect(data.order.total).toBe(129.05)
        expect(data.order.payment_status).toBe("captured")
        expect(data.order.payment_collections[0].amount).toBe(129.05)
        expect(data.order.payment_collections[0].payments[0].captures.map((c: any) => c.amount)).toEqual([129.05])
      })

      it("completes a logged-in customer's cart in USD and reserves stock", async () => {
        const customer = await registerCustomer(api, storeHeaders(), "erika@example.com")
        const cart = await readyCart(api, storeHeaders(), {
          region_id: usd().id,
          customerToken: customer.token,
          email: customer.email,
          address: US_ADDRESS,
          lines: [{ variant_id: variant("oak-office-chair"), quantity: 1 }], // 319.00
        })
        const result = await completeCart(api, storeHeaders(), cart.id, customer.token)
        expect(result.type).toBe("order")
        expect(result.order.total).toBe(324.95) // 319.00 + 5.95 shipping
        expect(result.order.email).toBe("erika@example.com")

        const { data: mine } = await api.get("/store/orders", {
          headers: { ...storeHeaders().headers, authorization: `Bearer ${customer.token}` },
        })
        expect(mine.orders.map((o: any) => o.id)).toEqual([result.order.id])

        const { data: inv } = await api.get(
          `/admin/reservations?fields=quantity,line_item_id`,
          await adminHeaders()
        )
        expect(inv.reservations).toHaveLength(1)
        expect(inv.reservations[0].quantity).toBe(1)
      })

      it("does not complete a cart without a shipping method", async () => {
        const { data } = await api.post("/store/carts", { region_id: eur().id }, storeHeaders())
        await api.post(
          `/store/carts/${data.cart.id}/line-items`,
          { variant_id: variant("desk-lamp"), quantity: 1 },
          storeHeaders()
        )
        const res = await api.post(`/store/carts/${data.cart.id}/complete`, {}, {
          ...storeHeaders(),
          validateStatus: () => true,
        })
        expect(res.status).toBeGreaterThanOrEqual(400)
        expect(res.status).toBeLessThan(500)
        const orders = await api.get("/admin/orders", await adminHeaders())
        expect(orders.data.count).toBe(0)
      })
    })
  },
})
