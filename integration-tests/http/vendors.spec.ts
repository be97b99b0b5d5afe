import { liliumIntegrationTestRunner } from "../helpers/runner"
import { completeCart, readyCart } from "../helpers/store"
import { applyAsVendor, bearer, sellingVendor, verifyOwnerEmail } from "../helpers/vendor"
import { noThrow } from "../helpers/poll"

liliumIntegrationTestRunner({
  withCatalog: false,
  testSuite: ({ api, basics, storeHeaders, adminHeaders, getContainer }) => {
    const eur = () => basics().regions.find((r) => r.currency_code === "eur")!
    const vendorCount = async () => (await getContainer().resolve<any>("vendor").listVendors({})).length

    describe("onboarding", () => {
      it("register → apply (pending, read-only) → approve (set up) → sell → a customer buys it", async () => {
        const applicant = await applyAsVendor(api, {
          name: "Müller & Söhne GmbH",
          email: "owner@mueller.example",
          tax_id: "de 123 456 789",
        })
        expect(applicant.vendor).toMatchObject({ status: "pending", handle: "muller-sohne-gmbh", tax_id: "DE123456789" })

        const me = await api.get("/vendor/me", applicant.headers)
        expect(me.data.member).toMatchObject({ email: "owner@mueller.example", role: "owner" })
        expect(me.data.vendor.id).toBe(applicant.vendor.id)

        // Pending: the profile may change, nothing else.
        const profile = await api.post("/vendor/me", { description: "Tools since 1901" }, applicant.headers)
        expect(profile.data.vendor.description).toBe("Tools since 1901")
        const blocked = await api.post("/vendor/products", { title: "Hammer" }, { ...applicant.headers, ...noThrow })
        expect(blocked.status).toBe(403)
        expect(blocked.data.message).toMatch(/pending/)

        const admin = await adminHeaders()
        await verifyOwnerEmail(api, "owner@mueller.example")
        const approved = await api.post(`/admin/vendors/${applicant.vendor.id}/approve`, {}, admin)
        expect(approved.data.vendor.status).toBe("active")
        expect(approved.data.vendor.approved_at).toBeTruthy()
        expect(approved.data.vendor.stock_locations).toHaveLength(1)
        expect(approved.data.vendor.shipping_profile.id).toMatch(/^sp_/)

        const again = await api.post(`/admin/vendors/${applicant.vendor.id}/approve`, {}, { ...admin, ...noThrow })
        expect(again.status).toBe(409)

        // The stock location is in the marketplace sales channel and ships to every region's countries.
        const { data: loc } = await api.get(
          `/admin/stock-locations/${approved.data.vendor.stock_locations[0].id}?fields=*sales_channels,*fulfillment_sets,*fulfillment_sets.service_zones.geo_zones`,
          admin
        )
        expect(loc.stock_location.sales_channels.map((s: any) => s.id)).toEqual([basics().sales_channel_id])
        const countries = loc.stock_location.fulfillment_sets[0].service_zones[0].geo_zones.map((g: any) => g.country_code).sort()
        expect(countries).toEqual(
          basics()
            .regions.flatMap((r) => r.countries)
            .sort()
        )

        // Sell: product, stock, shipping option.
        const { data: created } = await api.post(
          "/vendor/products",
          {
            title: "Claw Hammer",
            status: "published",
            images: [{ url: "https://img.example/hammer.png" }],
            options: [{ title: "Weight", values: ["500g"] }],
            variants: [
              { title: "500g", manage_inventory: true, options: { Weight: "500g" }, prices: [{ currency_code: "eur", amount: 24.99 }] },
            ],
          },
          applicant.headers
        )
        const product = created.product
        expect(product.images[0].url).toBe("https://img.example/hammer.png")
        const stock = await api.post(
          `/vendor/products/${product.id}/variants/${product.variants[0].id}/inventory`,
          { stocked_quantity: 12 },
          applicant.headers
        )
        expect(stock.data.inventory_level).toMatchObject({ stocked_quantity: 12, location_id: approved.data.vendor.stock_locations[0].id })
        // Reads show the stock at the vendor's own location only: a level the operator keeps elsewhere is left out.
        const { data: elsewhere } = await api.post("/admin/stock-locations", { name: "Operator's warehouse" }, admin)
        await api.post(
          `/admin/inventory-items/${stock.data.inventory_level.inventory_item_id}/location-levels`,
          { location_id: elsewhere.stock_location.id, stocked_quantity: 5 },
          admin
        )
        const levels = (p: any) => p.variants[0].inventory_items.flatMap((i: any) => i.inventory.location_levels)
        const { data: read } = await api.get(`/vendor/products/${product.id}`, applicant.headers)
        expect(levels(read.product)).toEqual([
          { location_id: approved.data.vendor.stock_locations[0].id, stocked_quantity: 12, reserved_quantity: 0 },
        ])
        const { data: list } = await api.get("/vendor/products", applicant.headers)
        expect(levels(list.products[0])).toEqual(levels(read.product))
        const so = await api.post(
          "/vendor/shipping-options",
          { name: "DHL Paket", prices: [{ currency_code: "eur", amount: 5.49 }] },
          applicant.headers
        )
        expect(so.data.shipping_option).toMatchObject({ name: "DHL Paket", shipping_profile_id: approved.data.vendor.shipping_profile.id })
        const listed = await api.get("/vendor/shipping-options", applicant.headers)
        // Approval made a free return option; the vendor's own option follows it.
        expect(listed.data.shipping_options.map((o: any) => [o.id === so.data.shipping_option.id, o.is_return])).toEqual([
          [false, true],
          [true, false],
        ])

        // The store shows the vendor and the product with its public vendor fields only.
        const { data: vendors } = await api.get("/store/vendors", storeHeaders())
        expect(vendors.vendors).toEqual([expect.objectContaining({ handle: "muller-sohne-gmbh", name: "Müller & Söhne GmbH" })])
        expect(vendors.vendors[0].email).toBeUndefined()
        expect(vendors.vendors[0].tax_id).toBeUndefined()
        const { data: sp } = await api.get(`/store/products/${product.id}?fields=id,*vendor`, storeHeaders())
        expect(sp.product.vendor).toEqual({ id: applicant.vendor.id, handle: "muller-sohne-gmbh", name: "Müller & Söhne GmbH" })

        // A customer buys it with the standard Store API calls.
        const cart = await readyCart(api, storeHeaders(), {
          region_id: eur().id,
          lines: [{ variant_id: product.variants[0].id, quantity: 2 }],
        })
        expect(cart.shipping_methods.map((m: any) => m.shipping_option_id)).toEqual([so.data.shipping_option.id])
        const result = await completeCart(api, storeHeaders(), cart.id)
        expect(result.type).toBe("order")
        expect(result.order.item_total).toBe(49.98)
        expect(result.order.shipping_total).toBe(5.49)
        expect(result.order.total).toBe(55.47)
      })

      it("stops listing and selling a suspended vendor's products, and emails each status change", async () => {
        const admin = await adminHeaders()
        const v = await sellingVendor(api, admin, {
          name: "Delta",
          email: "d@delta.example",
          product: { title: "Delta Pen", eur: 2.5, stock: 50 },
          shipping: { eur: 1 },
        })
        const { data } = await api.post("/store/carts", { region_id: eur().id }, storeHeaders())
        await api.post(`/store/carts/${data.cart.id}/line-items`, { variant_id: v.variant_id, quantity: 1 }, storeHeaders())

        await api.post(`/admin/vendors/${v.vendor.id}/suspend`, { reason: "Unpaid fees" }, admin)
        const refused = await api.post(
          `/store/carts/${data.cart.id}/line-items`,
          { variant_id: v.variant_id, quantity: 1 },
          { ...storeHeaders(), ...noThrow }
        )
        expect(refused.status).toBe(400)
        expect(refused.data.message).toBe('"Delta Pen" cannot be bought: its vendor Delta is not selling at the moment.')
        const { data: after } = await api.get(`/store/carts/${data.cart.id}`, storeHeaders())
        expect(after.cart.items.map((i: any) => i.quantity)).toEqual([1])

        // Suspended: the store neither lists nor shows the product; reinstated: it is back.
        expect((await api.get("/store/products", storeHeaders())).data.count).toBe(0)
        expect((await api.get(`/store/products/${v.product.id}`, { ...storeHeaders(), ...noThrow })).status).toBe(404)
        await api.post(`/admin/vendors/${v.vendor.id}/reinstate`, {}, admin)
        expect((await api.get("/store/products", storeHeaders())).data.products.map((p: any) => p.id)).toEqual([v.product.id])
        await api.post(`/admin/vendors/${v.vendor.id}/suspend`, {}, admin)

        // e-mail verification (at application) + approve + suspend emails, through the Notification module.
        const notifications = getContainer().resolve<any>("notification")
        let sent: any[] = []
        for (let i = 0; i < 50 && sent.length < 5; i++) {
          sent = await notifications.listNotifications({ to: "d@delta.example" })
          if (sent.length < 5) await new Promise((r) => setTimeout(r, 100))
        }
        expect(sent.map((n: any) => n.template).sort()).toEqual([
          "email-verification",
          "vendor-approved",
          "vendor-reinstated",
          "vendor-suspended",
          "vendor-suspended",
        ])
        const suspended = sent.find((n: any) => n.template === "vendor-suspended" && n.data.reason)
        expect(suspended).toMatchObject({ channel: "email", data: { vendor_name: "Delta", status: "suspended", reason: "Unpaid fees" } })
      })

      it("lists and filters vendors for the operator, and hides non-active ones from the store", async () => {
        const admin = await adminHeaders()
        const paper = await applyAsVendor(api, { name: "Pending Paper Co", email: "p@paper.example" })
        const { data: direct } = await api.post("/admin/vendors", { name: "Direct Desks", email: "hello@desks.example" }, admin)
        expect(direct.vendor.status).toBe("active")

        const pending = await api.get("/admin/vendors?status=pending", admin)
        expect(pending.data.vendors.map((v: any) => v.name)).toEqual(["Pending Paper Co"])
        const search = await api.get("/admin/vendors?q=desk", admin)
        expect(search.data.vendors.map((v: any) => v.handle)).toEqual(["direct-desks"])
        expect(search.data.count).toBe(1)

        const store = await api.get("/store/vendors", storeHeaders())
        expect(store.data.vendors.map((v: any) => v.handle)).toEqual(["direct-desks"])
        const hidden = await api.get("/store/vendors/pending-paper-co", { ...storeHeaders(), ...noThrow })
        expect(hidden.status).toBe(404)

        await api.post(`/admin/vendors/${direct.vendor.id}/suspend`, { reason: "KYC" }, admin)
        expect((await api.get("/store/vendors", storeHeaders())).data.count).toBe(0)
        const reinstate = await api.post(`/admin/vendors/${direct.vendor.id}/reinstate`, {}, admin)
        expect(reinstate.data.vendor.status).toBe("active")
        const illegal = await api.post(`/admin/vendors/${direct.vendor.id}/reject`, {}, { ...admin, ...noThrow })
        expect(illegal.status).toBe(409)
        expect(illegal.data.message).toMatch(/Cannot reject a vendor that is active/)

        // Soft delete: refused while active; a pending vendor goes with its members' access.
        const activeDelete = await api.delete(`/admin/vendors/${direct.vendor.id}`, { ...admin, ...noThrow })
        expect(activeDelete.status).toBe(409)
        expect(activeDelete.data.message).toBe("Cannot delete an active vendor; suspend it first.")
        const deleted = await api.delete(`/admin/vendors/${paper.vendor.id}`, admin)
        expect(deleted.data).toEqual({ id: paper.vendor.id, object: "vendor", deleted: true })
        expect((await api.get(`/admin/vendors/${paper.vendor.id}`, { ...admin, ...noThrow })).status).toBe(404)
        expect((await api.get("/admin/vendors", admin)).data.vendors.map((v: any) => v.name)).toEqual(["Direct Desks"])
        expect((await api.get("/vendor/me", { ...paper.headers, ...noThrow })).status).toBe(401)
        expect((await api.delete(`/admin/vendors/${paper.vendor.id}`, { ...admin, ...noThrow })).status).toBe(404)
      })
    })

    describe("isolation", () => {
      it("another vendor's token gets 404 on every product route and changes nothing", async () => {
        const admin = await adminHeaders()
        const a = await sellingVendor(api, admin, {
          name: "Alpha",
          email: "a@alpha.example",
          product: { title: "Alpha Box", eur: 10, stock: 5 },
          shipping: { eur: 3 },
        })
        const b = await sellingVendor(api, admin, {
          name: "Beta",
          email: "b@beta.example",
          product: { title: "Beta Bag", eur: 20, stock: 7 },
          shipping: { eur: 4 },
        })

        const listB = await api.get("/vendor/products", b.headers)
        expect(listB.data.products.map((p: any) => p.title)).toEqual(["Beta Bag"])
        expect(listB.data.count).toBe(1)

        const url = `/vendor/products/${a.product.id}`
        expect((await api.get(url, { ...b.headers, ...noThrow })).status).toBe(404)
        expect((await api.post(url, { title: "Hijacked" }, { ...b.headers, ...noThrow })).status).toBe(404)
        expect((await api.delete(url, { ...b.headers, ...noThrow })).status).toBe(404)
        expect(
          (await api.post(`${url}/variants/${a.variant_id}/inventory`, { stocked_quantity: 0 }, { ...b.headers, ...noThrow })).status
        ).toBe(404)

        // B's own product with A's variant: still not B's stock to set.
        expect(
          (
            await api.post(
              `/vendor/products/${b.product.id}/variants/${a.variant_id}/inventory`,
              { stocked_quantity: 0 },
              { ...b.headers, ...noThrow }
            )
          ).status
        ).toBe(404)

        const still = await api.get(url, a.headers)
        expect(still.data.product.title).toBe("Alpha Box")
        const { data: inv } = await api.get(`/admin/inventory-items?fields=sku,stocked_quantity`, admin)
        expect(inv.inventory_items.find((i: any) => i.sku === "alpha-one").stocked_quantity).toBe(5)
        expect((await api.get("/vendor/shipping-options", b.headers)).data.shipping_options.map((o: any) => [o.name, o.is_return])).toEqual(
          [
            ["Return to Beta", true],
            ["Beta Standard", false],
          ]
        )
      })

      it("refuses /vendor/* without a member token", async () => {
        expect((await api.get("/vendor/me", noThrow)).status).toBe(401)
        const reg = await api.post("/auth/vendor/emailpass/register", { email: "x@x.example", password: "pw-123456" })
        expect((await api.get("/vendor/me", { ...bearer(reg.data.token), ...noThrow })).status).toBe(401)
        const admin = await adminHeaders()
        expect((await api.get("/vendor/me", { ...admin, ...noThrow })).status).toBe(401)
      })
    })

    describe("bad input", () => {
      it("400 with a clear message, and nothing written", async () => {
        const reg = await api.post("/auth/vendor/emailpass/register", { email: "bad@bad.example", password: "pw-123456" })
        const base = { name: "Bad", email: "bad@bad.example", member: { email: "bad@bad.example" } }
        for (const [body, message] of [
          [{ ...base, tax_id: "123" }, /tax_id/],
          [{ ...base, email: "not-an-email" }, /email/i],
          [{ ...base, handle: "Has Spaces" }, /handle/],
          [{ ...base, status: "active" }, /status/],
          [{ ...base, member: undefined }, /member/],
        ] as const) {
          const res = await api.post("/vendor/vendors", body, { ...bearer(reg.data.token), ...noThrow })
          expect({ status: res.status, ok: message.test(res.data.message) }).toEqual({ status: 400, ok: true })
        }
        expect(await vendorCount()).toBe(0)

        const admin = await adminHeaders()
        const v = await sellingVendor(api, admin, {
          name: "Gamma",
          email: "g@gamma.example",
          product: { title: "G", eur: 1, stock: 1 },
          shipping: { eur: 1 },
        })
        const unknown = await api.post("/vendor/products", { title: "X", sales_channels: [{ id: "sc_x" }] }, { ...v.headers, ...noThrow })
        expect(unknown.status).toBe(400)
        const badStock = await api.post(
          `/vendor/products/${v.product.id}/variants/${v.variant_id}/inventory`,
          { stocked_quantity: -1 },
          { ...v.headers, ...noThrow }
        )
        expect(badStock.status).toBe(400)
        const badOption = await api.post(
          "/vendor/shipping-options",
          {
            name: "Dup",
            prices: [
              { currency_code: "eur", amount: 1 },
              { currency_code: "EUR", amount: 2 },
            ],
          },
          { ...v.headers, ...noThrow }
        )
        expect(badOption.status).toBe(400)
        expect((await api.get("/vendor/products", v.headers)).data.count).toBe(1)
        expect((await api.get("/vendor/shipping-options", v.headers)).data.count).toBe(2) // its option and the free return option
        expect((await api.post("/admin/vendors/ven_missing/approve", {}, { ...admin, ...noThrow })).status).toBe(404)
      })
    })
  },
})
