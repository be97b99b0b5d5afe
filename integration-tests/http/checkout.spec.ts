import { liliumIntegrationTestRunner } from "../helpers/runner"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { completeCart, readyCart, registerCustomer, US_ADDRESS } from "../helpers/store"

// The harness every later capability builds on: a real Store API checkout
// with a publishable key and pp_system_default, amounts checked to the cent.
liliumIntegrationTestRunner({
  testSuite: ({ api, basics, catalog, storeHeaders, adminHeaders, dbConnection, getContainer }) => {
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
        expect(data.vendors.map((v: any) => v.handle)).toEqual(["lumen-office-lighting", "oakline-furniture", "papyrus-supplies"])
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
        const { data } = await api.get(`/store/products?region_id=${eur().id}&fields=handle,*variants.calculated_price`, storeHeaders())
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

      it("the same cart completed three times at once (a double-click): one order, one vendor order per vendor, each sale posted once", async () => {
        const cart = await readyCart(api, storeHeaders(), {
          region_id: eur().id,
          lines: [
            { variant_id: variant("desk-lamp"), quantity: 1 }, // 49.90 (Lumen)
            { variant_id: variant("paper-a4-500"), quantity: 2 }, // 2 × 6.45 (Papyrus)
          ],
        })
        // The split inside the checkout takes no split lock (decision 91): the cart lock serialises the three.
        const answers = await Promise.all(
          [1, 2, 3].map(() => api.post(`/store/carts/${cart.id}/complete`, {}, storeHeaders()).catch((e: any) => e.response))
        )
        const orders = answers.filter((a: any) => a.status === 200 && a.data.type === "order").map((a: any) => a.data.order.id)
        // Every answer is the one order (a later complete finds the cart completed) or a 409 while another runs.
        expect(orders.length).toBeGreaterThanOrEqual(1)
        expect(new Set(orders).size).toBe(1)
        expect(answers.every((a: any) => (a.status === 200 && a.data.type === "order") || a.status === 409)).toBe(true)
        const { rows } = await dbConnection.raw(
          `select v.handle, vo.total, (select count(*)::int from vendor_transaction t where t.vendor_order_id = vo.id and t.type = 'sale') as sales
             from vendor_order vo join vendor v on v.id = vo.vendor_id where vo.order_id = ? and vo.deleted_at is null order by v.handle`,
          [orders[0]]
        )
        expect(rows.map((r: any) => [r.handle, Number(r.total), r.sales])).toEqual([
          ["lumen-office-lighting", 54.85, 1], // 49.90 + 4.95 shipping
          ["papyrus-supplies", 17.85, 1], // 12.90 + 4.95 shipping
        ])
        const { rows: carts } = await dbConnection.raw(
          `select count(*)::int as n from order_cart where cart_id = ? and deleted_at is null`,
          [cart.id]
        )
        expect(carts[0].n).toBe(1)
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

        const { data: inv } = await api.get(`/admin/reservations?fields=quantity,line_item_id`, await adminHeaders())
        expect(inv.reservations).toHaveLength(1)
        expect(inv.reservations[0].quantity).toBe(1)

        // The order.placed subscriber finds the order split by the request and
        // only links the buyer to the vendor (from the vendor order): one link,
        // and still exactly one vendor order with one sale row.
        const { rows: tables } = await dbConnection.raw(
          `select table_name from information_schema.tables where table_schema = 'public' and table_name like '%vendor%customer%' and table_name not like 'vendor_order%'`
        )
        expect(tables).toHaveLength(1)
        let links: { vendor_id: string }[] = []
        for (let i = 0; i < 100 && !links.length; i++) {
          await new Promise((r) => setTimeout(r, 50))
          links = (
            await dbConnection.raw(
              `select l.vendor_id from "${tables[0].table_name}" l join customer c on c.id = l.customer_id where c.email = ? and l.deleted_at is null`,
              [customer.email]
            )
          ).rows
        }
        const { rows: split } = await dbConnection.raw(
          `select vo.vendor_id, (select count(*)::int from vendor_transaction t where t.vendor_order_id = vo.id and t.type = 'sale') as sales
             from vendor_order vo where vo.order_id = ? and vo.deleted_at is null`,
          [result.order.id]
        )
        expect(split).toEqual([{ vendor_id: expect.any(String), sales: 1 }])
        expect(links.map((l) => l.vendor_id)).toEqual([split[0].vendor_id])
      })

      it("does not complete a cart without a shipping method", async () => {
        const { data } = await api.post("/store/carts", { region_id: eur().id }, storeHeaders())
        await api.post(`/store/carts/${data.cart.id}/line-items`, { variant_id: variant("desk-lamp"), quantity: 1 }, storeHeaders())
        const res = await api.post(
          `/store/carts/${data.cart.id}/complete`,
          {},
          {
            ...storeHeaders(),
            validateStatus: () => true,
          }
        )
        expect(res.status).toBeGreaterThanOrEqual(400)
        expect(res.status).toBeLessThan(500)
        const orders = await api.get("/admin/orders", await adminHeaders())
        expect(orders.data.count).toBe(0)
      })

      it("a vendor suspended while Medusa completes the cart (after the route's pre-check): 400, no order, nothing charged; completes once reinstated", async () => {
        const admin = await adminHeaders()
        const papyrus = catalog().vendors.find((v) => v.handle === "papyrus-supplies")!
        const cart = await readyCart(api, storeHeaders(), {
          region_id: eur().id,
          lines: [
            { variant_id: variant("desk-lamp"), quantity: 1 }, // 49.90
            { variant_id: variant("paper-a4-500"), quantity: 2 }, // 2 × 6.45
          ],
        })
        const before = (await api.get("/admin/orders?fields=id", admin)).data.count
        // The suspension lands inside Medusa's order-creating transaction:
        // after the complete route checked the vendors, before the split.
        await dbConnection.raw(`
          create or replace function lilium_test_suspend_vendor() returns trigger as $$
          begin update vendor set status = 'suspended' where id = '${papyrus.id}'; return new; end $$ language plpgsql;
          create trigger lilium_test_suspend_vendor after insert on "order" for each row execute function lilium_test_suspend_vendor();`)
        try {
          const res = await api.post(`/store/carts/${cart.id}/complete`, {}, { ...storeHeaders(), validateStatus: () => true })
          expect(res.status).toBe(400)
          expect(res.data.message).toMatch(/Papyrus Supplies stopped selling while the order was being placed; nothing was charged/)
        } finally {
          await dbConnection.raw(
            `drop trigger if exists lilium_test_suspend_vendor on "order"; drop function if exists lilium_test_suspend_vendor();`
          )
        }
        expect((await api.get("/admin/orders?fields=id", admin)).data.count).toBe(before)
        const { rows: live } = await dbConnection.raw(
          `select (select count(*)::int from vendor_order vo join order_cart oc on oc.order_id = vo.order_id where oc.cart_id = ? and vo.deleted_at is null) as vendor_orders,
                  (select count(*)::int from vendor_transaction vt join order_cart oc on oc.order_id = vt.order_id where oc.cart_id = ? and vt.deleted_at is null) as ledger_rows,
                  (select count(*)::int from payment p join cart_payment_collection cpc on cpc.payment_collection_id = p.payment_collection_id
                     where cpc.cart_id = ? and p.canceled_at is null and p.deleted_at is null) as live_payments`,
          [cart.id, cart.id, cart.id]
        )
        expect(live[0]).toEqual({ vendor_orders: 0, ledger_rows: 0, live_payments: 0 })

        // The route's pre-check now sees the suspension too.
        const again = await api.post(`/store/carts/${cart.id}/complete`, {}, { ...storeHeaders(), validateStatus: () => true })
        expect(again.status).toBe(400)
        expect(again.data.message).toMatch(/its vendor Papyrus Supplies is not selling/)

        await api.post(`/admin/vendors/${papyrus.id}/reinstate`, {}, admin)
        const done = await completeCart(api, storeHeaders(), cart.id)
        expect(done.type).toBe("order")
        expect(done.order.total).toBe(72.7) // 49.90 + 12.90 + 2 × 4.95 shipping
        const { data } = await api.get(`/admin/orders/${done.order.id}/vendor-orders`, admin)
        expect(data.vendor_orders.map((v: any) => [v.vendor.handle, v.total]).sort()).toEqual([
          ["lumen-office-lighting", 54.85],
          ["papyrus-supplies", 17.85],
        ])
      })

      it("an order split by the order.placed subscriber keeps its vendor orders when linking the buyer to its vendors fails", async () => {
        const admin = await adminHeaders()
        const customer = await registerCustomer(api, storeHeaders(), "link-fails@example.com")
        const cart = await readyCart(api, storeHeaders(), {
          region_id: eur().id,
          customerToken: customer.token,
          email: customer.email,
          lines: [
            { variant_id: variant("desk-lamp"), quantity: 1 }, // 49.90 (Lumen)
            { variant_id: variant("oak-office-chair"), quantity: 1 }, // 289.00 (Oakline)
          ],
        })
        const { rows: tables } = await dbConnection.raw(
          `select table_name from information_schema.tables where table_schema = 'public' and table_name like '%vendor%customer%' and table_name not like 'vendor_order%'`
        )
        expect(tables).toHaveLength(1)
        const linkTable = tables[0].table_name
        await dbConnection.raw(`
          create or replace function lilium_test_fail_link() returns trigger as $$
          begin raise exception 'injected: vendor-customer link write failed'; end $$ language plpgsql;
          create trigger lilium_test_fail_link before insert on "${linkTable}" for each row execute function lilium_test_fail_link();`)
        let orderId: string
        try {
          // Medusa's own completion (as a draft order or another plugin would
          // place an order): the vendor split then runs only in the subscriber.
          const { result } = await completeCartWorkflow(getContainer()).run({ input: { id: cart.id } })
          orderId = result.id
          let split: any[] = []
          for (let i = 0; i < 100 && split.length < 2; i++) {
            await new Promise((r) => setTimeout(r, 100))
            split = (await api.get(`/admin/orders/${orderId}/vendor-orders`, admin)).data.vendor_orders
          }
          expect(split.map((v: any) => [v.vendor.handle, v.total]).sort()).toEqual([
            ["lumen-office-lighting", 54.85],
            ["oakline-furniture", 293.95],
          ])
          // Give the subscriber's retries time to end, then check that nothing was rolled back.
          await new Promise((r) => setTimeout(r, 1000))
        } finally {
          await dbConnection.raw(
            `drop trigger if exists lilium_test_fail_link on "${linkTable}"; drop function if exists lilium_test_fail_link();`
          )
        }
        const { rows } = await dbConnection.raw(
          `select (select count(*)::int from vendor_order where order_id = ? and deleted_at is null) as vendor_orders,
                  (select round(coalesce(sum(amount), 0) * 100)::int from vendor_transaction where order_id = ? and type = 'sale' and deleted_at is null) as sale_cents,
                  (select count(*)::int from "${linkTable}" l join customer c on c.id = l.customer_id where c.email = ? and l.deleted_at is null) as links`,
          [orderId!, orderId!, customer.email]
        )
        expect(rows[0]).toEqual({ vendor_orders: 2, sale_cents: 34880, links: 0 })
      })
    })
  },
})
