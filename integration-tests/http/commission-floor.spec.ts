import { liliumIntegrationTestRunner } from "../helpers/runner"
import { readyCart } from "../helpers/store"
import { bearer } from "../helpers/vendor"
import { noThrow } from "../helpers/poll"

/**
 * Issue 14, item 7: vendors set their products' categories, collection and
 * type, and catalogue rules rank above vendor rules. A vendor's floor (its
 * own rule, else the global rule) can be raised by a catalogue rule, never
 * lowered, unless the operator marks that rule `overrides_vendor_floor`.
 * Real checkouts with pp_system_default; commission lines to the cent.
 */
liliumIntegrationTestRunner({
  testSuite: ({ api, basics, catalog, storeHeaders, adminHeaders }) => {
    const eur = () => basics().regions.find((r) => r.currency_code === "eur")!
    const product = (handle: string) => catalog().products.find((p) => p.handle === handle)!
    const vendor = (handle: string) => catalog().vendors.find((v) => v.handle === handle)!
    const login = async (handle: string) => {
      const { data } = await api.post("/auth/vendor/emailpass", { email: vendor(handle).email, password: "lilium-vendor" })
      return bearer(data.token)
    }

    /** Completes a checkout and returns each vendor's commission lines as [line_type, rule_id, base, amount], and its commission total. */
    async function checkout(lines: [string, number][]) {
      const cart = await readyCart(api, storeHeaders(), {
        region_id: eur().id,
        email: "buyer@floor.example",
        lines: lines.map(([handle, quantity]) => ({ variant_id: product(handle).variant_id, quantity })),
      })
      const { data } = await api.post(`/store/carts/${cart.id}/complete`, {}, storeHeaders())
      expect(data.type).toBe("order")
      const split = (await api.get(`/admin/orders/${data.order.id}/vendor-orders`, await adminHeaders())).data.vendor_orders
      const out: Record<string, { lines: any[]; commission: number }> = {}
      for (const vo of split) {
        const { vendor_order } = (await api.get(`/vendor/orders/${vo.id}`, await login(vo.vendor.handle))).data
        out[vo.vendor.handle] = {
          lines: vendor_order.commission_lines
            .filter((l: any) => l.line_type === "item")
            .map((l: any) => [l.rule_id, l.base_amount, l.amount]),
          commission: vendor_order.commission_total,
        }
      }
      return out
    }

    it("a vendor that tags its products into lower-rate categories, collections or types keeps paying its own rate; higher rates and the operator's overrides apply", async () => {
      const admin = await adminHeaders()
      const create = async (body: any) => {
        const res = await api.post("/admin/commission-rules", body, { ...admin, ...noThrow })
        expect([res.status, res.data.message]).toEqual([200, undefined])
        return res.data.commission_rule
      }
      const { data: bargain } = await api.post("/admin/product-categories", { name: "Bargain bin", is_active: true }, admin)
      const { data: clearance } = await api.post("/admin/collections", { title: "Clearance" }, admin)
      const { data: books } = await api.post("/admin/product-types", { value: "Books" }, admin)
      const { data: premium } = await api.post("/admin/collections", { title: "Premium" }, admin)

      const global = await create({ name: "Marketplace 10%", rate_type: "percentage", value: 10, scope: { type: "global" } })
      const lumenRule = await create({
        name: "Lumen 8%",
        rate_type: "percentage",
        value: 8,
        scope: { type: "vendor", id: vendor("lumen-office-lighting").id },
      })
      const bargainRule = await create({
        name: "Bargain 2%",
        rate_type: "percentage",
        value: 2,
        scope: { type: "product_category", id: bargain.product_category.id },
      })
      await create({
        name: "Clearance flat 0.10",
        rate_type: "flat",
        value: 0.1,
        currency_code: "eur",
        scope: { type: "product_collection", id: clearance.collection.id },
      })
      await create({
        name: "Books 1%",
        rate_type: "percentage",
        value: 1,
        priority: 10,
        scope: { type: "product_type", id: books.product_type.id },
      })
      const premiumRule = await create({
        name: "Premium 15%",
        rate_type: "percentage",
        value: 15,
        scope: { type: "product_collection", id: premium.collection.id },
      })
      expect([bargainRule.overrides_vendor_floor, lumenRule.overrides_vendor_floor]).toEqual([false, false])

      // Only catalogue rules can override the floor.
      const refused = await api.post(
        "/admin/commission-rules",
        {
          name: "x",
          rate_type: "percentage",
          value: 1,
          overrides_vendor_floor: true,
          scope: { type: "vendor", id: vendor("papyrus-supplies").id },
        },
        { ...admin, ...noThrow }
      )
      expect([refused.status, refused.data.message]).toEqual([400, expect.stringContaining("overrides_vendor_floor")])

      // Before any tagging: lamp 3 × 49.90 = 149.70 at Lumen's 8% = 11.976 → 11.98; paper 5 × 6.45 = 32.25 at 10% = 3.225 → 3.22 (half-even).
      const before = await checkout([
        ["desk-lamp", 3],
        ["paper-a4-500", 5],
      ])
      expect(before["lumen-office-lighting"]).toEqual({ lines: [[lumenRule.id, 149.7, 11.98]], commission: 11.98 })
      expect(before["papyrus-supplies"]).toEqual({ lines: [[global.id, 32.25, 3.22]], commission: 3.22 })

      // Both vendors tag their own products with every lower-rate category, collection and type.
      const lumen = await login("lumen-office-lighting")
      const papyrus = await login("papyrus-supplies")
      for (const [headers, handle] of [
        [lumen, "desk-lamp"],
        [papyrus, "paper-a4-500"],
      ] as const) {
        const res = await api.post(
          `/vendor/products/${product(handle).id}`,
          { categories: [{ id: bargain.product_category.id }], collection_id: clearance.collection.id, type_id: books.product_type.id },
          { ...headers, ...noThrow }
        )
        expect([res.status, res.data.message]).toEqual([200, undefined])
      }
      const tagged = await checkout([
        ["desk-lamp", 3],
        ["paper-a4-500", 5],
      ])
      expect(tagged["lumen-office-lighting"]).toEqual({ lines: [[lumenRule.id, 149.7, 11.98]], commission: 11.98 })
      expect(tagged["papyrus-supplies"]).toEqual({ lines: [[global.id, 32.25, 3.22]], commission: 3.22 })

      // The preview charges the same, and says when the floor was charged.
      const preview = async (handle: string, vendorHandle: string, unit: number, quantity: number) =>
        (
          await api.post(
            "/admin/commission-rules/preview",
            { vendor_id: vendor(vendorHandle).id, product_id: product(handle).id, unit_price: unit, quantity, currency_code: "eur" },
            admin
          )
        ).data
      expect(await preview("paper-a4-500", "papyrus-supplies", 6.45, 5)).toMatchObject({
        rule: { id: global.id },
        amount: 3.22,
        floored: true,
      })
      expect(await preview("desk-lamp", "lumen-office-lighting", 49.9, 3)).toMatchObject({
        rule: { id: lumenRule.id },
        amount: 11.98,
        floored: true,
      })

      // A higher catalogue rate applies: Premium 15% of 149.70 = 22.455 → 22.46.
      await api.post(
        `/vendor/products/${product("desk-lamp").id}`,
        { categories: [], type_id: null, collection_id: premium.collection.id },
        lumen
      )
      const raised = await checkout([["desk-lamp", 3]])
      expect(raised["lumen-office-lighting"]).toEqual({ lines: [[premiumRule.id, 149.7, 22.46]], commission: 22.46 })

      // The operator decides that Bargain may go below the floor: now it does (2% of 149.70 = 2.994 → 2.99).
      const marked = await api.post(`/admin/commission-rules/${bargainRule.id}`, { overrides_vendor_floor: true }, admin)
      expect(marked.data.commission_rule.overrides_vendor_floor).toBe(true)
      await api.post(
        `/vendor/products/${product("desk-lamp").id}`,
        { categories: [{ id: bargain.product_category.id }], collection_id: null },
        lumen
      )
      const overridden = await checkout([["desk-lamp", 3]])
      expect(overridden["lumen-office-lighting"]).toEqual({ lines: [[bargainRule.id, 149.7, 2.99]], commission: 2.99 })

      expect(await preview("desk-lamp", "lumen-office-lighting", 49.9, 3)).toMatchObject({
        rule: { id: bargainRule.id },
        amount: 2.99,
        floored: false,
      })
    })
  },
})
