import { liliumIntegrationTestRunner } from "../helpers/runner"
import { registerCustomer, DE_ADDRESS } from "../helpers/store"
import { seedDemoOrders, DEMO_BUYER } from "../../src/scripts/lib/demo-orders"
import { demoVendorLogin } from "../helpers/vendor"
import { noThrow } from "../helpers/poll"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * Quick order, automatic shipping and reorder (issue 17, items 3, 4, 6):
 * POST /store/carts/:id/line-items/bulk (JSON and CSV),
 * POST /store/carts/:id/shipping-methods/auto and POST /store/orders/:id/reorder,
 * through real HTTP with real customer tokens.
 */

type Headers = { headers: Record<string, string> }

liliumIntegrationTestRunner({
  testSuite: ({ api: rawApi, storeHeaders, adminHeaders, catalog, basics, getContainer }) => {
    // Axios errors carry the request and response (circular): report a failed call by its URL, status and body.
    const clean =
      (method: "get" | "post") =>
      (url: string, ...args: any[]) =>
        (rawApi[method] as any)(url, ...args).catch((e: any) => {
          throw new Error(`${method.toUpperCase()} ${url}: ${e.response?.status} ${JSON.stringify(e.response?.data)}`)
        })
    const api = { get: clean("get"), post: clean("post"), delete: rawApi.delete }
    const as = (token: string): Headers => ({ headers: { ...storeHeaders().headers, authorization: `Bearer ${token}` } })
    const product = (handle: string) => catalog().products.find((p) => p.handle === handle)!
    const vendorLogin = demoVendorLogin(api, catalog)
    const vendorHandle = (handle: string) => catalog().vendors.find((v) => v.id === product(handle).vendor_id)!.handle
    const eur = () => basics().regions.find((r) => r.currency_code === "eur")!.id
    const lines = (cart: any) =>
      cart.items
        .map((i: any) => ({ variant_id: i.variant_id, quantity: i.quantity, unit_price: i.unit_price }))
        .sort((a: any, b: any) => a.variant_id.localeCompare(b.variant_id))
    const sorted = (xs: any[]) => [...xs].sort((a, b) => a.variant_id.localeCompare(b.variant_id))

    async function newCart(headers: Headers) {
      const { data } = await api.post("/store/carts", { region_id: eur() }, headers)
      return data.cart.id as string
    }
    const getCart = async (id: string, headers: Headers) => (await api.get(`/store/carts/${id}`, headers)).data.cart

    it("bulk add: valid lines go in (duplicates summed, SKU or id), the rest are error entries; totals to the cent", async () => {
      const buyer = await registerCustomer(api, storeHeaders(), "bulk@quick.example")
      const me = as(buyer.token)
      const cartId = await newCart(me)
      await api.post(`/admin/vendors/${product("oak-office-chair").vendor_id}/suspend`, { reason: "Test" }, await adminHeaders())
      const lamp = product("desk-lamp").variant_id
      const paper = product("paper-a4-500").variant_id
      const res = await api.post(
        `/store/carts/${cartId}/line-items/bulk`,
        {
          items: [
            { variant_id: lamp, quantity: 2 },
            { sku: "PAPER-A4-500", quantity: 3 },
            { variant_id: lamp, quantity: 1 },
            { sku: "NO-SUCH-SKU", quantity: 1 },
            { variant_id: product("oak-office-chair").variant_id, quantity: 1 },
            { variant_id: paper, quantity: 2000 - 3 },
          ],
        },
        me
      )
      expect(res.status).toBe(200)
      // Paper: 3 + 1997 = 2000 asked, 1000 in stock: the summed line is refused as a whole.
      expect(res.data.errors).toEqual([
        { sku: "NO-SUCH-SKU", code: "unknown_sku", message: "No variant with SKU NO-SUCH-SKU" },
        {
          variant_id: product("oak-office-chair").variant_id,
          code: "vendor_suspended",
          message: '"Oak Office Chair" cannot be bought: its vendor Oakline Furniture is not selling at the moment.',
        },
        {
          sku: "PAPER-A4-500",
          code: "out_of_stock",
          message: '"Recycled Paper A4 (500 sheets)": only 1000 in stock',
          requested: 2000,
          available: 1000,
        },
      ])
      expect(lines(res.data.cart)).toEqual([{ variant_id: lamp, quantity: 3, unit_price: 49.9 }])
      expect(res.data.cart.item_subtotal).toBe(149.7)

      // A second call adds to the same line; SKU and id of one variant are one line.
      const again = await api.post(
        `/store/carts/${cartId}/line-items/bulk`,
        {
          items: [
            { sku: "PAPER-A4-500", quantity: 4 },
            { variant_id: paper, quantity: 6 },
            { sku: "DESK-LAMP", quantity: 1 },
          ],
        },
        me
      )
      expect(again.data.errors).toEqual([])
      expect(lines(again.data.cart)).toEqual(
        sorted([
          { variant_id: lamp, quantity: 4, unit_price: 49.9 },
          { variant_id: paper, quantity: 10, unit_price: 6.45 },
        ])
      )
      // 4 × 49.90 + 10 × 6.45 = 199.60 + 64.50
      expect(again.data.cart.item_subtotal).toBe(264.1)
      expect(again.data.cart.items.length).toBe(2)
    })

    it("bulk add: bad input is 400 and the cart is unchanged; another customer's cart is 404", async () => {
      const buyer = await registerCustomer(api, storeHeaders(), "bad@quick.example")
      const other = await registerCustomer(api, storeHeaders(), "other@quick.example")
      const me = as(buyer.token)
      const cartId = await newCart(me)
      const lamp = product("desk-lamp").variant_id
      await api.post(`/store/carts/${cartId}/line-items/bulk`, { items: [{ variant_id: lamp, quantity: 1 }] }, me)
      const before = lines(await getCart(cartId, me))
      const bad: [string, any][] = [
        ["501 lines", { items: Array.from({ length: 501 }, () => ({ variant_id: lamp, quantity: 1 })) }],
        ["quantity 0", { items: [{ variant_id: lamp, quantity: 0 }] }],
        ["quantity -1", { items: [{ variant_id: lamp, quantity: -1 }] }],
        ["quantity 1.5", { items: [{ variant_id: lamp, quantity: 1.5 }] }],
        ["quantity too big", { items: [{ variant_id: lamp, quantity: 10_000_001 }] }],
        ["both", { items: [{ variant_id: lamp, sku: "DESK-LAMP", quantity: 1 }] }],
        ["neither", { items: [{ quantity: 1 }] }],
        ["empty", { items: [] }],
        ["not a list", { items: "DESK-LAMP" }],
        ["unknown field", { items: [{ variant_id: lamp, quantity: 1 }], cart_id: "x" }],
        [
          "all invalid",
          {
            items: [
              { sku: "NOPE", quantity: 1 },
              { variant_id: "variant_nope", quantity: 2 },
            ],
          },
        ],
      ]
      for (const [name, body] of bad) {
        const res = await api.post(`/store/carts/${cartId}/line-items/bulk`, body, { ...me, ...noThrow })
        expect({ name, status: res.status, type: res.data.type }).toEqual({ name, status: 400, type: "invalid_data" })
      }
      const allInvalid = await api.post(
        `/store/carts/${cartId}/line-items/bulk`,
        { items: [{ sku: "NOPE", quantity: 1 }] },
        { ...me, ...noThrow }
      )
      expect(allInvalid.data.errors).toEqual([{ sku: "NOPE", code: "unknown_sku", message: "No variant with SKU NOPE" }])
      expect(lines(await getCart(cartId, me))).toEqual(before)

      // Another customer, or nobody: the cart of a registered customer does not exist for them.
      for (const headers of [as(other.token), storeHeaders()]) {
        const res = await api.post(
          `/store/carts/${cartId}/line-items/bulk`,
          { items: [{ variant_id: lamp, quantity: 1 }] },
          { ...headers, ...noThrow }
        )
        expect(res.status).toBe(404)
        const auto = await api.post(`/store/carts/${cartId}/shipping-methods/auto`, {}, { ...headers, ...noThrow })
        expect(auto.status).toBe(404)
      }
      expect(lines(await getCart(cartId, me))).toEqual(before)
      // An anonymous cart works by id, as Medusa's own routes do.
      const guestCart = await newCart(storeHeaders())
      const guest = await api.post(
        `/store/carts/${guestCart}/line-items/bulk`,
        { items: [{ variant_id: lamp, quantity: 2 }] },
        storeHeaders()
      )
      expect(lines(guest.data.cart)).toEqual([{ variant_id: lamp, quantity: 2, unit_price: 49.9 }])
    })

    it("bulk add by CSV: header optional, line numbers in errors, bad records 400 naming the line", async () => {
      const buyer = await registerCustomer(api, storeHeaders(), "csv@quick.example")
      const me = as(buyer.token)
      const cartId = await newCart(me)
      const csv = (body: string) =>
        api.post(`/store/carts/${cartId}/line-items/bulk`, body, {
          headers: { ...me.headers, "content-type": "text/csv" },
          ...noThrow,
        })
      const res = await csv('sku,quantity\r\nDESK-LAMP,2\n\nUNKNOWN-1,5\n"PAPER-A4-500";10\n')
      expect(res.status).toBe(200)
      expect(res.data.errors).toEqual([{ sku: "UNKNOWN-1", line: 4, code: "unknown_sku", message: "No variant with SKU UNKNOWN-1" }])
      expect(lines(res.data.cart)).toEqual(
        sorted([
          { variant_id: product("desk-lamp").variant_id, quantity: 2, unit_price: 49.9 },
          { variant_id: product("paper-a4-500").variant_id, quantity: 10, unit_price: 6.45 },
        ])
      )
      expect(res.data.cart.item_subtotal).toBe(164.3)
      const noHeader = await csv("DESK-LAMP,1")
      expect(lines(noHeader.data.cart)[0]).toEqual({ variant_id: product("desk-lamp").variant_id, quantity: 3, unit_price: 49.9 })
      for (const [body, message] of [
        ["DESK-LAMP,1\nDESK-LAMP,0", "CSV line 2: quantity must be at least 1"],
        ["sku,quantity\nDESK-LAMP,1.5", "CSV line 2: quantity must be a whole number"],
        ["DESK-LAMP", 'CSV line 1: expected "sku,quantity"'],
        ["", "CSV has no lines"],
        [Array.from({ length: 501 }, () => "DESK-LAMP,1").join("\n"), "at most 500 lines per request (CSV has 501)"],
        ["A,1\n".repeat(20_000), "CSV body larger than 65536 bytes"],
      ] as const) {
        const bad = await csv(body)
        expect({ status: bad.status, message: bad.data.message }).toEqual({ status: 400, message })
      }
      expect(lines(await getCart(cartId, me))[0].quantity).toBe(3)
    })
    it("shipping auto: the cheapest option of each vendor in one call, then the cart completes", async () => {
      const buyer = await registerCustomer(api, storeHeaders(), "ship@quick.example")
      const me = as(buyer.token)
      const cartId = await newCart(me)
      const lamp = product("desk-lamp").variant_id
      const chair = product("oak-office-chair").variant_id
      const { data: express } = await api.post(
        `/vendor/shipping-options`,
        { name: "Lumen Express", prices: [{ currency_code: "eur", amount: 9.95 }] },
        await vendorLogin(vendorHandle("desk-lamp"))
      )
      const { data: economy } = await api.post(
        `/vendor/shipping-options`,
        { name: "Oakline Economy", prices: [{ currency_code: "eur", amount: 2.5 }] },
        await vendorLogin(vendorHandle("oak-office-chair"))
      )
      await api.post(
        `/store/carts/${cartId}/line-items/bulk`,
        {
          items: [
            { variant_id: lamp, quantity: 2 },
            { variant_id: chair, quantity: 1 },
          ],
        },
        me
      )
      await api.post(`/store/carts/${cartId}`, { email: buyer.email, shipping_address: DE_ADDRESS, billing_address: DE_ADDRESS }, me)
      const first = await api.post(`/store/carts/${cartId}/shipping-methods/auto`, {}, me)
      // Twice: the second run replaces each vendor's method rather than adding one.
      const { data } = await api.post(`/store/carts/${cartId}/shipping-methods/auto`, {}, me)
      expect(first.status).toBe(200)
      const methods = data.cart.shipping_methods.map((m: any) => [m.shipping_option_id, m.amount])
      const { data: groups } = await api.get(`/store/carts/${cartId}/vendor-groups`, me)
      const standard = groups.vendor_groups.flatMap((g: any) => g.shipping_options).find((o: any) => o.name === "Lumen Standard")
      // Lumen: Standard 4.95 over Express 9.95; Oakline: Economy 2.50 over Freight 4.95.
      expect(methods.sort()).toEqual(
        [
          [standard.id, 4.95],
          [economy.shipping_option.id, 2.5],
        ].sort()
      )
      expect(methods.map((m: any) => m[0])).not.toContain(express.shipping_option.id)
      // 2 × 49.90 + 289.00 = 388.80 items, 4.95 + 2.50 shipping
      expect([data.cart.item_subtotal, data.cart.shipping_subtotal]).toEqual([388.8, 7.45])
      expect(data.cart.total).toBe(data.cart.item_total + data.cart.shipping_total)
      const {
        data: { payment_collection },
      } = await api.post("/store/payment-collections", { cart_id: cartId }, me)
      await api.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, me)
      const done = await api.post(`/store/carts/${cartId}/complete`, {}, me)
      expect(done.data.type).toBe("order")
      expect(done.data.order.total).toBe(data.cart.total)
      expect(done.data.order.shipping_methods.map((m: any) => m.amount).sort()).toEqual([2.5, 4.95])
    })

    // Regression: the order's item quantities came back from query.graph as BigNumber objects; Number() made them NaN,
    // which passed every stock check and reached Medusa's inventory confirmation as null (400 insufficient_inventory).
    it("reorder: a new cart with what can still be bought, the rest reported with reasons; another customer's order 404", async () => {
      await seedDemoOrders(getContainer(), basics(), catalog())
      const { data: login } = await api.post("/auth/customer/emailpass", DEMO_BUYER)
      const me = as(login.token)
      const { data: list } = await api.get("/store/orders?fields=id,items.variant_id,items.quantity&limit=50", me)
      const lamp = product("desk-lamp").variant_id
      const chair = product("oak-office-chair").variant_id
      const paper = product("paper-a4-500").variant_id
      // The demo order with all three vendors (Lumen's part delivered).
      const order = list.orders.find((o: any) => o.items.length === 3)
      const qty = (v: string) => order.items.find((i: any) => i.variant_id === v).quantity
      await api.post(`/admin/vendors/${product("oak-office-chair").vendor_id}/suspend`, { reason: "Test" }, await adminHeaders())
      await api.post(
        `/vendor/products/${product("paper-a4-500").id}/variants/${paper}/inventory`,
        { stocked_quantity: 0 },
        await vendorLogin(vendorHandle("paper-a4-500"))
      )

      const other = await registerCustomer(api, storeHeaders(), "other-reorder@quick.example")
      const stranger = await api.post(`/store/orders/${order.id}/reorder`, {}, { ...as(other.token), ...noThrow })
      expect(stranger.status).toBe(404)
      expect((await api.post(`/store/orders/${order.id}/reorder`, {}, { ...storeHeaders(), ...noThrow })).status).toBe(401)
      expect((await api.post(`/store/orders/${order.id}/reorder`, { cart_id: "x" }, { ...me, ...noThrow })).status).toBe(400)

      const res = await api.post(`/store/orders/${order.id}/reorder`, {}, me)
      expect(res.status).toBe(200)
      expect(sorted(res.data.unavailable)).toEqual(
        sorted([
          {
            variant_id: chair,
            reason: "vendor_suspended",
            message: '"Oak Office Chair" cannot be bought: its vendor Oakline Furniture is not selling at the moment.',
          },
          {
            variant_id: paper,
            reason: "out_of_stock",
            message: '"Recycled Paper A4 (500 sheets)" is out of stock',
            requested: qty(paper),
            available: 0,
          },
        ])
      )
      const cart = res.data.cart
      expect(lines(cart)).toEqual([{ variant_id: lamp, quantity: qty(lamp), unit_price: 49.9 }])
      expect(cart.item_subtotal).toBe(Math.round(qty(lamp) * 4990) / 100)
      expect([cart.region_id, cart.email, cart.customer_id, cart.shipping_address.city, cart.billing_address.postal_code]).toEqual([
        eur(),
        DEMO_BUYER.email,
        login && (await api.get("/store/customers/me", me)).data.customer.id,
        "Berlin",
        "10115",
      ])

      // One lamp left (stocked = what is reserved + 1): the next reorder takes that one and says so.
      expect(qty(lamp)).toBeGreaterThan(1)
      const lumenLogin = await vendorLogin(vendorHandle("desk-lamp"))
      const { data: variants } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({
          entity: "product_variant",
          fields: ["inventory_items.inventory.location_levels.reserved_quantity"],
          filters: { id: lamp },
        })
      const levels = variants[0].inventory_items!.flatMap((i) => i!.inventory!.location_levels!)
      expect(levels).toHaveLength(1)
      const reserved = Number(levels[0]!.reserved_quantity)
      await api.post(
        `/vendor/products/${product("desk-lamp").id}/variants/${lamp}/inventory`,
        { stocked_quantity: reserved + 1 },
        lumenLogin
      )
      const again = await api.post(`/store/orders/${order.id}/reorder`, {}, me)
      expect(again.data.unavailable.find((u: any) => u.variant_id === lamp)).toEqual({
        variant_id: lamp,
        reason: "quantity_reduced",
        message: `"Lilium Desk Lamp": only 1 in stock, added 1 of ${qty(lamp)}`,
        requested: qty(lamp),
        available: 1,
      })
      expect(lines(again.data.cart)).toEqual([{ variant_id: lamp, quantity: 1, unit_price: 49.9 }])
      expect(again.data.cart.item_subtotal).toBe(49.9)
      expect(again.data.cart.id).not.toBe(cart.id)
    })
  },
})
