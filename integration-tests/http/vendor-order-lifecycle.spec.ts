import { liliumIntegrationTestRunner } from "../helpers/runner"
import { readyCart } from "../helpers/store"
import { bearer, demoVendorLogin } from "../helpers/vendor"
import { waitFor, noThrow } from "../helpers/poll"
import { vendorOrdersByHandle } from "../helpers/vendor-order-flow"

const cents = (amount: number) => Math.round(amount * 100)

liliumIntegrationTestRunner({
  testSuite: ({ api, basics, catalog, storeHeaders, adminHeaders, getContainer }) => {
    const eur = () => basics().regions.find((r) => r.currency_code === "eur")!
    const variant = (handle: string) => catalog().products.find((p) => p.handle === handle)!.variant_id
    const login = demoVendorLogin(api, catalog)

    /** A real checkout; returns the order and each vendor's vendor order (by vendor handle). */
    async function placeOrder(lines: { handle: string; quantity: number }[], opts: { promo?: boolean; email?: string } = {}) {
      const cart = await readyCart(api, storeHeaders(), {
        region_id: eur().id,
        email: opts.email ?? "buyer@lifecycle.example",
        lines: lines.map((l) => ({ variant_id: variant(l.handle), quantity: l.quantity })),
        promo_codes: opts.promo ? ["SPREAD15"] : undefined,
      })
      const { data } = await api.post(`/store/carts/${cart.id}/complete`, {}, storeHeaders())
      const admin = await adminHeaders()
      return { order: data.order, vo: await vendorOrdersByHandle(api, admin, data.order.id) }
    }

    const adminOrder = async (id: string) =>
      (
        await api.get(
          `/admin/orders/${id}?fields=id,total,payment_status,fulfillment_status,*items,*items.detail,*payment_collections.payments,*payment_collections.payments.refunds,*payment_collections.payments.captures`,
          await adminHeaders()
        )
      ).data.order
    const capturedOrder = (id: string) =>
      waitFor(
        () => adminOrder(id),
        (o: any) => o.payment_status === "captured"
      )

    it("accept, fulfill in two parts, ship with tracking, deliver: each step recorded, the buyer emailed per shipment", async () => {
      const { order, vo } = await placeOrder([
        { handle: "desk-lamp", quantity: 2 },
        { handle: "paper-a4-500", quantity: 3 },
      ])
      const lumen = await login("lumen-office-lighting")
      const id = vo["lumen-office-lighting"].id
      const lampLine = vo["lumen-office-lighting"].items[0].id
      const url = `/vendor/orders/${id}`

      // Fulfilling before accepting is refused.
      const early = await api.post(`${url}/fulfillments`, {}, { ...lumen, ...noThrow })
      expect([early.status, early.data.message]).toEqual([409, "Accept the vendor order before fulfilling it."])

      expect((await api.post(`${url}/accept`, {}, lumen)).data.vendor_order.status).toBe("accepted")
      const again = await api.post(`${url}/accept`, {}, { ...lumen, ...noThrow })
      expect([again.status, again.data.message]).toEqual([409, "Cannot accept a vendor order that is accepted."])

      // Part of the items: still accepted; then the rest: fulfilled.
      const part = (await api.post(`${url}/fulfillments`, { items: [{ id: lampLine, quantity: 1 }] }, lumen)).data.vendor_order
      expect(part.status).toBe("accepted")
      expect(part.fulfillments.map((f: any) => f.items.map((i: any) => [i.id, i.quantity]))).toEqual([[[lampLine, 1]]])
      const rest = (await api.post(`${url}/fulfillments`, {}, lumen)).data.vendor_order
      expect(rest.status).toBe("fulfilled")
      expect(rest.fulfillments).toHaveLength(2)
      const { data: locations } = await api.get(`/admin/vendors/${vo["lumen-office-lighting"].vendor.id}`, await adminHeaders())
      expect(rest.fulfillments.every((f: any) => f.location_id === locations.vendor.stock_locations[0].id)).toBe(true)
      const none = await api.post(`${url}/fulfillments`, {}, { ...lumen, ...noThrow })
      expect(none.status).toBe(409)

      // The operator sees the derived status: one vendor fulfilled, the other pending.
      const admin = await adminHeaders()
      expect((await api.get(`/admin/orders/${order.id}/vendor-orders`, admin)).data.marketplace_status).toBe("partially_fulfilled")

      const [f1, f2] = rest.fulfillments.map((f: any) => f.id)
      const shipped1 = (
        await api.post(
          `${url}/fulfillments/${f1}/shipments`,
          { labels: [{ tracking_number: "DHL-001", tracking_url: "https://track.example/DHL-001" }] },
          lumen
        )
      ).data.vendor_order
      expect(shipped1.status).toBe("fulfilled")
      expect(shipped1.fulfillments.find((f: any) => f.id === f1).labels).toEqual([
        { tracking_number: "DHL-001", tracking_url: "https://track.example/DHL-001", label_url: "" },
      ])
      const twice = await api.post(`${url}/fulfillments/${f1}/shipments`, {}, { ...lumen, ...noThrow })
      expect([twice.status, twice.data.message]).toEqual([409, "The fulfillment is already shipped."])
      const notYet = await api.post(`${url}/fulfillments/${f2}/mark-as-delivered`, {}, { ...lumen, ...noThrow })
      expect([notYet.status, notYet.data.message]).toEqual([409, "Ship the fulfillment before marking it delivered."])
      expect(
        (await api.post(`${url}/fulfillments/${f2}/shipments`, { labels: [{ tracking_number: "DHL-002" }] }, lumen)).data.vendor_order
          .status
      ).toBe("shipped")

      expect((await api.post(`${url}/fulfillments/${f1}/mark-as-delivered`, {}, lumen)).data.vendor_order.status).toBe("shipped")
      const done = (await api.post(`${url}/fulfillments/${f2}/mark-as-delivered`, {}, lumen)).data.vendor_order
      expect(done.status).toBe("delivered")
      expect(done.delivered_at).toBeTruthy()
      const me = (await api.get("/vendor/me", lumen)).data.member
      expect(done.status_history.map((h: any) => [h.from_status, h.to_status, h.actor_type, h.actor_id])).toEqual([
        [null, "pending", "system", null],
        ["pending", "accepted", "vendor", me.id],
        ["accepted", "fulfilled", "vendor", me.id],
        ["fulfilled", "shipped", "vendor", me.id],
        ["shipped", "delivered", "vendor", me.id],
      ])
      const late = await api.post(`${url}/reject`, { reason: "too late" }, { ...lumen, ...noThrow })
      expect([late.status, late.data.message]).toEqual([409, "Cannot reject a vendor order that is delivered."])

      // Medusa's own order agrees: the lamps are delivered, the paper is not.
      const master = await adminOrder(order.id)
      const lamp = master.items.find((i: any) => i.id === lampLine)
      expect([lamp.detail.fulfilled_quantity, lamp.detail.shipped_quantity, lamp.detail.delivered_quantity]).toEqual([2, 2, 2])
      expect((await api.get(`/admin/orders/${order.id}/vendor-orders`, admin)).data.marketplace_status).toBe("partially_delivered")

      // Emails: the vendor heard of the order; the buyer of each shipment, with tracking.
      const notifications = getContainer().resolve<any>("notification")
      const shipped = await waitFor(
        () => notifications.listNotifications({ to: "buyer@lifecycle.example", template: "vendor-order-shipped" }),
        (n: any[]) => n.length >= 2
      )
      expect(shipped.map((n: any) => n.data.tracking[0].number).sort()).toEqual(["DHL-001", "DHL-002"])
      expect(shipped[0].data.vendor_name).toBe("Lumen Office Lighting")
      const created = await notifications.listNotifications({ to: "owner@lumen.demo", template: "vendor-order-created" })
      expect(created).toHaveLength(1)
      expect(created[0].data.display_id).toBe(vo["lumen-office-lighting"].display_id)
    })

    it("rejecting refunds exactly the vendor's share, releases its stock and leaves the other vendors untouched", async () => {
      const admin = await adminHeaders()
      const { data: tr } = await api.get("/admin/tax-regions?country_code=de", admin)
      await api.post(
        "/admin/tax-rates",
        { tax_region_id: tr.tax_regions[0].id, name: "DE VAT", code: "DE19", rate: 19, is_default: true },
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
      const { order, vo } = await placeOrder(
        [
          { handle: "desk-lamp", quantity: 2 },
          { handle: "oak-office-chair", quantity: 1 },
          { handle: "paper-a4-500", quantity: 3 },
        ],
        { promo: true }
      )
      const before = await capturedOrder(order.id)
      expect(before.payment_status).toBe("captured")
      const papyrus = await login("papyrus-supplies")
      const target = vo["papyrus-supplies"]
      const others = ["lumen-office-lighting", "oakline-furniture"].map((h) => vo[h])

      const noReason = await api.post(`/vendor/orders/${target.id}/reject`, {}, { ...papyrus, ...noThrow })
      expect(noReason.status).toBe(400)
      expect((await api.get(`/vendor/orders/${target.id}`, papyrus)).data.vendor_order.status).toBe("pending")

      const rejected = (await api.post(`/vendor/orders/${target.id}/reject`, { reason: "Out of stock" }, papyrus)).data.vendor_order
      expect(rejected).toMatchObject({ status: "rejected", status_reason: "Out of stock" })
      expect(cents(rejected.refunded_total)).toBe(cents(target.total))
      expect(rejected.status_history.at(-1)).toMatchObject({ from_status: "pending", to_status: "rejected", reason: "Out of stock" })

      // The payment: one refund of exactly Papyrus's share; the order total drops by it.
      const after = await adminOrder(order.id)
      const refunds = after.payment_collections.flatMap((pc: any) => pc.payments.flatMap((p: any) => p.refunds))
      expect(refunds.map((r: any) => cents(r.amount))).toEqual([cents(target.total)])
      expect(cents(after.total)).toBe(cents(before.total) - cents(target.total))
      const paper = after.items.find((i: any) => i.id === target.items[0].id)
      expect(paper?.quantity ?? 0).toBe(0)

      // Its reservation is gone; the others' stay.
      const { data: res } = await api.get(`/admin/reservations?fields=line_item_id,quantity`, admin)
      expect(res.reservations.map((r: any) => r.line_item_id).sort()).toEqual(others.map((o) => o.items[0].id).sort())

      // The other vendors' parts are exactly as they were.
      const { data: split } = await api.get(`/admin/orders/${order.id}/vendor-orders`, admin)
      for (const o of others) {
        const now = split.vendor_orders.find((v: any) => v.id === o.id)
        expect({ ...now, updated_at: undefined }).toEqual({ ...o, updated_at: undefined })
      }
      expect(split.marketplace_status).toBe("pending")
    })

    it("cancels an accepted vendor order with a refund, but not once it has fulfillments", async () => {
      const { order, vo } = await placeOrder([
        { handle: "desk-lamp", quantity: 1 },
        { handle: "oak-office-chair", quantity: 1 },
      ])
      await capturedOrder(order.id)
      const lumen = await login("lumen-office-lighting")
      const oak = await login("oakline-furniture")
      const lamp = vo["lumen-office-lighting"]
      const chair = vo["oakline-furniture"]

      await api.post(`/vendor/orders/${lamp.id}/accept`, {}, lumen)
      const canceled = (await api.post(`/vendor/orders/${lamp.id}/cancel`, { reason: "Discontinued" }, lumen)).data.vendor_order
      expect(canceled).toMatchObject({ status: "canceled", status_reason: "Discontinued" })
      expect(cents(canceled.refunded_total)).toBe(cents(lamp.total)) // 49.90 + 4.95

      await api.post(`/vendor/orders/${chair.id}/accept`, {}, oak)
      await api.post(`/vendor/orders/${chair.id}/fulfillments`, {}, oak)
      const refused = await api.post(`/vendor/orders/${chair.id}/cancel`, {}, { ...oak, ...noThrow })
      expect(refused.status).toBe(409)
      expect(refused.data.message).toBe("Cannot cancel a vendor order with fulfilled items; cancel its fulfillments first.")

      const master = await adminOrder(order.id)
      expect(cents(master.total)).toBe(cents(chair.total))
      expect((await api.get(`/admin/orders/${order.id}/vendor-orders`, await adminHeaders())).data.marketplace_status).toBe("fulfilled")
    })

    it("a vendor receives a return of its own items and refunds exactly their share", async () => {
      const { order, vo } = await placeOrder([
        { handle: "desk-lamp", quantity: 3 },
        { handle: "paper-a4-500", quantity: 1 },
      ])
      await capturedOrder(order.id)
      const lumen = await login("lumen-office-lighting")
      const papyrus = await login("papyrus-supplies")
      const lamp = vo["lumen-office-lighting"]
      const line = lamp.items[0].id
      const url = `/vendor/orders/${lamp.id}`

      const tooEarly = await api.post(`${url}/returns`, { items: [{ id: line, quantity: 1 }] }, { ...lumen, ...noThrow })
      expect(tooEarly.status).toBe(409)
      await api.post(`${url}/accept`, {}, lumen)
      const notShipped = await api.post(`${url}/returns`, { items: [{ id: line, quantity: 1 }] }, { ...lumen, ...noThrow })
      expect([notShipped.status, notShipped.data.message]).toEqual([
        400,
        `Item ${line}: 1 to return, but only 0 fulfilled and not yet returned.`,
      ])
      const f = (await api.post(`${url}/fulfillments`, {}, lumen)).data.vendor_order.fulfillments[0].id
      await api.post(`${url}/fulfillments/${f}/shipments`, {}, lumen)
      await api.post(`${url}/fulfillments/${f}/mark-as-delivered`, {}, lumen)

      // Another vendor cannot take the return; a foreign item is refused.
      expect((await api.post(`${url}/returns`, { items: [{ id: line, quantity: 1 }] }, { ...papyrus, ...noThrow })).status).toBe(404)
      const foreign = await api.post(
        `${url}/returns`,
        { items: [{ id: vo["papyrus-supplies"].items[0].id, quantity: 1 }] },
        { ...lumen, ...noThrow }
      )
      expect(foreign.status).toBe(400)

      // Two of the three lamps come back: 2 × 49.90 refunded.
      const returnRes = await api.post(`${url}/returns`, { items: [{ id: line, quantity: 2 }], note: "Damaged" }, { ...lumen, ...noThrow })
      expect(returnRes.status).toBe(200)
      const returned = returnRes.data.vendor_order
      expect(cents(returned.refunded_total)).toBe(9980)
      expect(returned.status).toBe("delivered")
      const master = await adminOrder(order.id)
      const refunds = master.payment_collections.flatMap((pc: any) => pc.payments.flatMap((p: any) => p.refunds))
      expect(refunds.map((r: any) => cents(r.amount))).toEqual([9980])
      expect(master.items.find((i: any) => i.id === line).detail.return_received_quantity).toBe(2)
      const tooMany = await api.post(`${url}/returns`, { items: [{ id: line, quantity: 2 }] }, { ...lumen, ...noThrow })
      expect([tooMany.status, tooMany.data.message]).toEqual([400, `Item ${line}: 2 to return, but only 1 fulfilled and not yet returned.`])
      expect(cents((await api.get(url, lumen)).data.vendor_order.refunded_total)).toBe(9980)
      // The returned lamps are back in stock at Lumen's location (100 seeded − 3 sold + 2 returned).
      const { data: inv } = await api.get(`/admin/inventory-items?sku=DESK-LAMP&fields=stocked_quantity`, await adminHeaders())
      expect(inv.inventory_items[0].stocked_quantity).toBe(99)
    })

    it("another vendor gets 404 on every order action and changes nothing; roles without order rights get 403", async () => {
      const { vo } = await placeOrder([
        { handle: "desk-lamp", quantity: 1 },
        { handle: "paper-a4-500", quantity: 1 },
      ])
      const lumen = await login("lumen-office-lighting")
      const papyrus = await login("papyrus-supplies")
      const lamp = vo["lumen-office-lighting"]
      await api.post(`/vendor/orders/${lamp.id}/accept`, {}, lumen)
      const fulfilled = (await api.post(`/vendor/orders/${lamp.id}/fulfillments`, {}, lumen)).data.vendor_order
      const fid = fulfilled.fulfillments[0].id

      const url = `/vendor/orders/${lamp.id}`
      for (const [path, body] of [
        ["", undefined],
        ["/accept", {}],
        ["/reject", { reason: "x" }],
        ["/cancel", {}],
        ["/fulfillments", {}],
        [`/fulfillments/${fid}/shipments`, {}],
        [`/fulfillments/${fid}/mark-as-delivered`, {}],
      ] as const) {
        const res =
          body === undefined
            ? await api.get(url + path, { ...papyrus, ...noThrow })
            : await api.post(url + path, body, { ...papyrus, ...noThrow })
        expect({ path, status: res.status }).toEqual({ path, status: 404 })
      }
      // Papyrus's own order with Lumen's fulfillment id: still not found.
      const own = vo["papyrus-supplies"]
      const cross = await api.post(`/vendor/orders/${own.id}/fulfillments/${fid}/shipments`, {}, { ...papyrus, ...noThrow })
      expect(cross.status).toBe(404)
      const still = (await api.get(url, lumen)).data.vendor_order
      expect([still.status, still.fulfillments.length, still.fulfillments[0].shipped_at]).toEqual(["fulfilled", 1, null])

      // Roles: catalog sees no orders; finance reads but cannot act.
      const join = async (email: string, role: string) => {
        const { data } = await api.post("/vendor/invites", { email, role }, lumen)
        const reg = await api.post("/auth/vendor/emailpass/register", { email, password: "member-pw-1" })
        await api.post("/vendor/invites/accept", { token: data.token }, bearer(reg.data.token))
        const { data: l } = await api.post("/auth/vendor/emailpass", { email, password: "member-pw-1" })
        return bearer(l.token)
      }
      const catalogRole = await join("cat@lumen.example", "catalog")
      const finance = await join("fin@lumen.example", "finance")
      expect((await api.get("/vendor/orders", { ...catalogRole, ...noThrow })).status).toBe(403)
      expect((await api.get(url, { ...catalogRole, ...noThrow })).status).toBe(403)
      expect((await api.get("/vendor/orders", finance)).data.count).toBe(1)
      const financeShip = await api.post(`${url}/fulfillments/${fid}/shipments`, {}, { ...finance, ...noThrow })
      expect(financeShip.status).toBe(403)
      expect((await api.get(url, lumen)).data.vendor_order.fulfillments[0].shipped_at).toBeNull()
    })

    it("bad fulfillment and shipment bodies get 400 and write nothing", async () => {
      const { vo } = await placeOrder([
        { handle: "desk-lamp", quantity: 2 },
        { handle: "paper-a4-500", quantity: 1 },
      ])
      const lumen = await login("lumen-office-lighting")
      const lamp = vo["lumen-office-lighting"]
      const url = `/vendor/orders/${lamp.id}`
      await api.post(`${url}/accept`, {}, lumen)
      for (const [body, message] of [
        [{ items: [{ id: vo["papyrus-supplies"].items[0].id, quantity: 1 }] }, /is not part of this vendor order/],
        [{ items: [{ id: lamp.items[0].id, quantity: 3 }] }, /3 requested, but only 2 left to fulfill/],
        [{ items: [{ id: lamp.items[0].id, quantity: 0 }] }, /quantity/],
        [{ items: [{ id: lamp.items[0].id, quantity: 1.5 }] }, /quantity/],
        [{ items: [] }, /items/],
        [{ location_id: "sloc_other" }, /location_id/],
      ] as const) {
        const res = await api.post(`${url}/fulfillments`, body, { ...lumen, ...noThrow })
        expect({ status: res.status, ok: message.test(res.data.message) }).toEqual({ status: 400, ok: true })
      }
      const { data } = await api.get(url, lumen)
      expect([data.vendor_order.status, data.vendor_order.fulfillments.length]).toEqual(["accepted", 0])

      const fid = (await api.post(`${url}/fulfillments`, {}, lumen)).data.vendor_order.fulfillments[0].id
      const badLabel = await api.post(
        `${url}/fulfillments/${fid}/shipments`,
        { labels: [{ tracking_number: "X", tracking_url: "not a url" }] },
        { ...lumen, ...noThrow }
      )
      expect(badLabel.status).toBe(400)
      const missing = await api.post(`${url}/fulfillments/ful_missing/shipments`, {}, { ...lumen, ...noThrow })
      expect(missing.status).toBe(404)
      expect((await api.get(url, lumen)).data.vendor_order.fulfillments[0].shipped_at).toBeNull()
    })
  },
})
