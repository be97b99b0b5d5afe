import { liliumIntegrationTestRunner } from "../helpers/runner"
import { bearer, sellingVendor } from "../helpers/vendor"
import { noThrow } from "../helpers/poll"

// Issue 22: a vendor adds option values and variants to a product it already sells.
jest.setTimeout(60_000)

liliumIntegrationTestRunner({
  withCatalog: false,
  testSuite: ({ api, adminHeaders, basics, storeHeaders }) => {
    let a: Awaited<ReturnType<typeof sellingVendor>>
    let b: Awaited<ReturnType<typeof sellingVendor>>
    let admin: any

    beforeAll(async () => {
      admin = await adminHeaders()
      a = await sellingVendor(api, admin, {
        name: "Alpha",
        email: "owner@alpha.example",
        product: { title: "Alpha Box", eur: 10, stock: 5 },
        shipping: { eur: 3 },
      })
      b = await sellingVendor(api, admin, {
        name: "Beta",
        email: "owner@beta.example",
        product: { title: "Beta Bag", eur: 20, stock: 7 },
        shipping: { eur: 4 },
      })
    })

    const location = async (vendorId: string) =>
      (await api.get(`/admin/vendors/${vendorId}?fields=stock_locations.id`, admin)).data.vendor.stock_locations[0].id as string
    // The variant as Medusa's admin API reads it: prices, inventory item and levels.
    const adminVariant = async (productId: string, variantId: string) =>
      (
        await api.get(
          `/admin/products/${productId}/variants/${variantId}?fields=title,sku,options.value,prices.amount,prices.currency_code,inventory_items.inventory_item_id,inventory_items.inventory.location_levels.location_id,inventory_items.inventory.location_levels.stocked_quantity`,
          admin
        )
      ).data.variant

    it("adds an option value, then a variant with its prices and stock at the vendor's location; edits and deletes it; catalog may, finance may not", async () => {
      const productId = a.product.id
      const option = a.product.options[0]
      const body = {
        title: "Large",
        sku: "alpha-large",
        options: { Size: "Large" },
        prices: [
          { currency_code: "eur", amount: 29.99 },
          { currency_code: "usd", amount: 31.5 },
        ],
        stocked_quantity: 7,
      }
      // Medusa only takes values the product may use: first the value, then the variant.
      const early = await api.post(`/vendor/products/${productId}/variants`, body, { ...a.headers, ...noThrow })
      expect([early.status, early.data.message]).toEqual([400, "Option value Large does not exist for option Size"])

      const withValue = await api.post(`/vendor/products/${productId}/options/${option.id}`, { values: ["Large"] }, a.headers)
      const values = withValue.data.product.options[0].values.map((v: any) => v.value).sort()
      expect(values).toEqual(["Large", "One"])

      const { data } = await api.post(`/vendor/products/${productId}/variants`, body, a.headers)
      expect(data.product.id).toBe(productId)
      expect(data.product.variants).toHaveLength(2)
      const large = data.product.variants.find((v: any) => v.title === "Large")
      expect(large).toMatchObject({ sku: "alpha-large", manage_inventory: true, options: [{ value: "Large" }] })
      const prices = Object.fromEntries(large.prices.map((p: any) => [p.currency_code, p.amount]))
      expect(prices).toEqual({ eur: 29.99, usd: 31.5 })
      // The vendor's read (same shape as GET /vendor/products/:id) shows the stock at its own location.
      expect(large.inventory_items[0].inventory.location_levels).toEqual([
        expect.objectContaining({ location_id: await location(a.vendor.id), stocked_quantity: 7 }),
      ])
      expect((await api.get(`/vendor/products/${productId}`, a.headers)).data.product).toEqual(data.product)

      // Medusa's own read: an inventory item of its own, one level at the vendor's location.
      const seen = await adminVariant(productId, large.id)
      expect(seen.inventory_items).toHaveLength(1)
      expect(seen.inventory_items[0].inventory_item_id).not.toBe(a.product.variants[0].inventory_items[0].inventory_item_id)
      expect(seen.inventory_items[0].inventory.location_levels).toEqual([
        expect.objectContaining({ location_id: await location(a.vendor.id), stocked_quantity: 7 }),
      ])

      // The store sells it at the vendor's price.
      const region = basics().regions.find((r) => r.currency_code === "eur")!
      const { data: store } = await api.get(
        `/store/products/${productId}?region_id=${region.id}&fields=*variants.calculated_price`,
        storeHeaders()
      )
      const sold = store.product.variants.find((v: any) => v.id === large.id)
      expect(sold.calculated_price.calculated_amount).toBe(29.99)

      // Edit: title, SKU and prices (the list replaces the variant's prices).
      const edited = await api.post(
        `/vendor/products/${productId}/variants/${large.id}`,
        { title: "Large box", sku: "alpha-large-box", prices: [{ currency_code: "eur", amount: 27.5 }] },
        a.headers
      )
      const after = edited.data.product.variants.find((v: any) => v.id === large.id)
      expect(after).toMatchObject({ title: "Large box", sku: "alpha-large-box" })
      expect(after.prices.map((p: any) => [p.currency_code, p.amount])).toEqual([["eur", 27.5]])
      // The other variant is untouched.
      const one = edited.data.product.variants.find((v: any) => v.id !== large.id)
      expect(one.prices.map((p: any) => [p.currency_code, p.amount])).toEqual([["eur", 10]])

      const gone = await api.delete(`/vendor/products/${productId}/variants/${large.id}`, a.headers)
      expect(gone.data).toMatchObject({ id: large.id, object: "variant", deleted: true })
      expect(gone.data.parent.variants.map((v: any) => v.id)).toEqual([a.variant_id])
      const { data: left } = await api.get(`/admin/products/${productId}?fields=variants.id`, admin)
      expect(left.product.variants.map((v: any) => v.id)).toEqual([a.variant_id])

      // Roles: the catalog role may add values and variants, the finance role may not (one restore less than a test of its own).
      const join = async (email: string, role: string) => {
        const { data } = await api.post("/vendor/invites", { email, role }, a.headers)
        const reg = await api.post("/auth/vendor/emailpass/register", { email, password: "member-pw-1" })
        await api.post("/vendor/invites/accept", { token: data.token, first_name: "Mia" }, bearer(reg.data.token))
        return bearer((await api.post("/auth/vendor/emailpass", { email, password: "member-pw-1" })).data.token)
      }
      const finance = await join("fin@alpha.example", "finance")
      const catalog = await join("cat@alpha.example", "catalog")
      const optionUrl = `/vendor/products/${a.product.id}/options/${a.product.options[0].id}`
      const denied = await api.post(optionUrl, { values: ["Small"] }, { ...finance, ...noThrow })
      expect(denied.status).toBe(403)
      await api.post(optionUrl, { values: ["Small"] }, catalog)
      const small = { title: "Small", options: { Size: "Small" }, prices: [{ currency_code: "eur", amount: 8.5 }] }
      expect((await api.post(`/vendor/products/${a.product.id}/variants`, small, { ...finance, ...noThrow })).status).toBe(403)
      const { data: withSmall } = await api.post(`/vendor/products/${a.product.id}/variants`, small, catalog)
      const smallVariant = withSmall.product.variants.find((v: any) => v.title === "Small")
      expect(smallVariant.prices.map((p: any) => p.amount)).toEqual([8.5])
      // No stock given: the level exists at the vendor's location, at 0.
      expect(smallVariant.inventory_items[0].inventory.location_levels).toEqual([expect.objectContaining({ stocked_quantity: 0 })])
    })

    it("another vendor's product, option, variant or price is 404; bad bodies are 400 with a clear message; nothing changes", async () => {
      const before = (await api.get(`/vendor/products/${a.product.id}`, a.headers)).data.product
      const aOption = a.product.options[0].id
      const bOption = b.product.options[0].id
      const priceOfB = (await adminVariant(b.product.id, b.variant_id)).prices[0]
      const variant = { title: "X", options: { Size: "One" }, prices: [{ currency_code: "eur", amount: 1 }] }
      const calls: [string, Promise<any>][] = [
        ["B adds a variant to A's product", api.post(`/vendor/products/${a.product.id}/variants`, variant, { ...b.headers, ...noThrow })],
        [
          "B adds a value to A's option",
          api.post(`/vendor/products/${a.product.id}/options/${aOption}`, { values: ["XL"] }, { ...b.headers, ...noThrow }),
        ],
        [
          "B names A's option under its own product",
          api.post(`/vendor/products/${b.product.id}/options/${aOption}`, { values: ["XL"] }, { ...b.headers, ...noThrow }),
        ],
        [
          "A names B's option under its own product",
          api.post(`/vendor/products/${a.product.id}/options/${bOption}`, { values: ["XL"] }, { ...a.headers, ...noThrow }),
        ],
        [
          "B edits A's variant under its own product",
          api.post(`/vendor/products/${b.product.id}/variants/${a.variant_id}`, { title: "Mine" }, { ...b.headers, ...noThrow }),
        ],
        [
          "B edits A's variant under A's product",
          api.post(`/vendor/products/${a.product.id}/variants/${a.variant_id}`, { title: "Mine" }, { ...b.headers, ...noThrow }),
        ],
        ["B deletes A's variant", api.delete(`/vendor/products/${b.product.id}/variants/${a.variant_id}`, { ...b.headers, ...noThrow })],
        [
          "A sets B's price on its own variant",
          api.post(
            `/vendor/products/${a.product.id}/variants/${a.variant_id}`,
            { prices: [{ id: priceOfB.id, currency_code: "eur", amount: 0.01 }] },
            { ...a.headers, ...noThrow }
          ),
        ],
      ]
      for (const [what, call] of calls) {
        const res = await call
        expect([what, res.status]).toEqual([what, 404])
      }
      expect((await api.get(`/vendor/products/${a.product.id}`, a.headers)).data.product).toEqual(before)
      expect((await adminVariant(b.product.id, b.variant_id)).prices[0]).toMatchObject({ amount: 20, currency_code: "eur" })

      // Bad bodies: 400 with a clear message, nothing written (in the same test: it writes nothing either).
      const url = `/vendor/products/${a.product.id}`
      const option = `${url}/options/${a.product.options[0].id}`
      const ok = { title: "Big", options: { Size: "One" }, prices: [{ currency_code: "eur", amount: 5 }] }
      const cases: [string, string, any, RegExp][] = [
        [`${url}/variants`, "no body", {}, /title/],
        [`${url}/variants`, "negative price", { ...ok, prices: [{ currency_code: "eur", amount: -1 }] }, /must not be negative/],
        [`${url}/variants`, "too large", { ...ok, prices: [{ currency_code: "eur", amount: 1e12 }] }, /must be at most/],
        [`${url}/variants`, "not finite", { ...ok, prices: [{ currency_code: "eur", amount: "1" }] }, /amount/],
        [`${url}/variants`, "cents of cents", { ...ok, prices: [{ currency_code: "eur", amount: 1.234 }] }, /more decimals than EUR/],
        [`${url}/variants`, "yen decimals", { ...ok, prices: [{ currency_code: "jpy", amount: 10.5 }] }, /more decimals than JPY/],
        [`${url}/variants`, "bad currency", { ...ok, prices: [{ currency_code: "euro", amount: 5 }] }, /ISO 4217/],
        [`${url}/variants`, "two EUR prices", { ...ok, prices: [ok.prices[0], ok.prices[0]] }, /one price per currency/],
        [`${url}/variants`, "no price", { ...ok, prices: [] }, /prices/],
        [`${url}/variants`, "unknown option", { ...ok, options: { Colour: "Red" } }, /has no option Colour/],
        [`${url}/variants`, "no option", { ...ok, options: {} }, /value for each option/],
        [`${url}/variants`, "unknown value", { ...ok, options: { Size: "Huge" } }, /Option value Huge does not exist/],
        [`${url}/variants`, "stock < 0", { ...ok, stocked_quantity: -1 }, /stocked_quantity/],
        [`${url}/variants`, "stock without inventory", { ...ok, manage_inventory: false, stocked_quantity: 3 }, /needs manage_inventory/],
        [`${url}/variants`, "unknown field", { ...ok, inventory_items: [{ inventory_item_id: "iitem_x" }] }, /inventory_items/],
        [`${url}/variants/${a.variant_id}`, "price without currency", { prices: [{ amount: 5 }] }, /currency_code/],
        [`${url}/variants/${a.variant_id}`, "empty title", { title: " " }, /title/],
        [option, "nothing to do", {}, /give a title or values/],
        [option, "empty value", { values: [""] }, /values/],
        [option, "not a list", { values: "XL" }, /values/],
      ]
      for (const [path, what, body, message] of cases) {
        const res = await api.post(path, body, { ...a.headers, ...noThrow })
        expect([what, res.status, message.test(res.data.message) ? "" : res.data.message]).toEqual([what, 400, ""])
      }
      expect((await api.get(url, a.headers)).data.product).toEqual(before)
    })
  },
})
