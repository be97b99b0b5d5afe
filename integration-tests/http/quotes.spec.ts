import { Modules } from "@medusajs/framework/utils"
import { liliumIntegrationTestRunner } from "../helpers/runner"
import { readyCart, registerCustomer } from "../helpers/store"
import { noThrow, waitFor } from "../helpers/poll"
import { demoVendorLogin } from "../helpers/vendor"
import { vendorOrdersByHandle } from "../helpers/vendor-order-flow"
import { injectFault } from "../helpers/db-fault"

/**
 * Issue 19, items 1, 2 and 6: a request for quote split per vendor, each
 * vendor answering its own part (or declining), a thread with e-mail on each
 * message, and the buyer accepting: quoted prices into the cart at once,
 * declined and excluded vendors' lines out, then Medusa's standard complete.
 * Demo catalog (EUR): Lumen's lamp 49.90, Oakline's chair 289.00, Papyrus's
 * paper 6.45; each vendor ships for 4.95 to Germany. Commission: 10% global.
 */
type Who = { headers: Record<string, string>; email: string; token: string }

liliumIntegrationTestRunner({
  testSuite: ({ api, basics, catalog, storeHeaders, adminHeaders, dbConnection, getContainer }) => {
    const login = demoVendorLogin(api, catalog)
    const asCustomer = async (email: string): Promise<Who> => {
      const { token } = await registerCustomer(api, storeHeaders(), email)
      return { email, token, headers: { ...storeHeaders().headers, authorization: `Bearer ${token}` } }
    }
    const eurRegion = () => basics().regions.find((r) => r.currency_code === "eur")!.id
    const variant = (handle: string) => catalog().products.find((p) => p.handle === handle)!.variant_id
    const threeVendorCart = (who: Who) =>
      readyCart(api, storeHeaders(), {
        region_id: eurRegion(),
        email: who.email,
        customerToken: who.token,
        lines: [
          { variant_id: variant("desk-lamp"), quantity: 10 },
          { variant_id: variant("oak-office-chair"), quantity: 2 },
          { variant_id: variant("paper-a4-500"), quantity: 100 },
        ],
      })
    const mailsTo = (to: string, template: string) => getContainer().resolve(Modules.NOTIFICATION).listNotifications({ to, template })
    const partOf = (quote: any, handle: string) => quote.vendor_quotes.find((v: any) => v.vendor.handle === handle)
    const cartLines = async (cartId: string) =>
      (
        await dbConnection.raw(
          `select variant_id, quantity, unit_price::text as unit_price, is_custom_price from cart_line_item
            where cart_id = ? and deleted_at is null order by unit_price`,
          [cartId]
        )
      ).rows
    const statuses = async (quoteId: string) =>
      (
        await dbConnection.raw(
          `select q.status as quote, string_agg(vq.status, ',' order by vq.vendor_id) as parts
             from quote q join vendor_quote vq on vq.quote_id = q.id where q.id = ? group by q.status`,
          [quoteId]
        )
      ).rows[0]

    /** Anna buys for Acme; Zoe buys for another company. */
    const buyers = async () => {
      const anna = await asCustomer("anna@acme.example")
      await api.post("/store/companies", { name: "Acme Procurement GmbH", email: "buying@acme.example" }, anna)
      const zoe = await asCustomer("zoe@zenith.example")
      await api.post("/store/companies", { name: "Zenith AG", email: "buying@zenith.example" }, zoe)
      return { anna, zoe }
    }

    it("three vendors: one declines, one expires, one is accepted; the order carries the quoted price and its commission", async () => {
      const admin = await adminHeaders()
      await api.post(
        "/admin/commission-rules",
        { name: "Marketplace 10%", rate_type: "percentage", value: 10, scope: { type: "global" } },
        admin
      )
      const { anna, zoe } = await buyers()
      const cart = await threeVendorCart(anna)

      // Another buyer's cart cannot be put up for quote by someone else (404), nor without signing in (401).
      expect((await api.post("/store/quotes", { cart_id: cart.id }, { ...zoe, ...noThrow })).status).toBe(404)
      expect((await api.post("/store/quotes", { cart_id: cart.id }, { ...storeHeaders(), ...noThrow })).status).toBe(401)

      const { quote } = (await api.post("/store/quotes", { cart_id: cart.id, message: "Monthly order; best prices please." }, anna)).data
      expect(quote.status).toBe("requested")
      expect(
        quote.vendor_quotes.map((v: any) => [v.vendor.handle, v.status, v.items.map((i: any) => [i.quantity, i.list_unit_price])])
      ).toEqual([
        ["lumen-office-lighting", "requested", [[10, 49.9]]],
        ["oakline-furniture", "requested", [[2, 289]]],
        ["papyrus-supplies", "requested", [[100, 6.45]]],
      ])
      // One live quote per cart.
      const again = await api.post("/store/quotes", { cart_id: cart.id }, { ...anna, ...noThrow })
      expect([again.status, again.data.message]).toEqual([
        409,
        "This cart already has an open quote; accept it or wait for the vendors to answer.",
      ])

      // Each vendor's order handlers are e-mailed about their own lines only.
      const requested = await waitFor(
        () => mailsTo("owner@lumen.demo", "vendor-quote-requested"),
        (m) => m.length === 1
      )
      expect(requested[0].data).toMatchObject({ buyer_name: "Acme Procurement GmbH", items: [{ title: "Lilium Desk Lamp", quantity: 10 }] })

      const lumen = await login("lumen-office-lighting")
      const oakline = await login("oakline-furniture")
      const papyrus = await login("papyrus-supplies")
      const lumenPart = partOf(quote, "lumen-office-lighting")
      const oakPart = partOf(quote, "oakline-furniture")
      const paperPart = partOf(quote, "papyrus-supplies")

      // A vendor sees only its own part: its list has one quote, another vendor's part is 404 for reading and answering.
      const lumenList = (await api.get("/vendor/quotes", lumen)).data
      expect([lumenList.count, lumenList.quotes.map((q: any) => q.id)]).toEqual([1, [lumenPart.id]])
      expect(lumenList.quotes[0].buyer).toEqual({
        company: expect.objectContaining({ name: "Acme Procurement GmbH" }),
        name: "Erika Muster",
        email: "anna@acme.example",
      })
      expect((await api.get(`/vendor/quotes/${oakPart.id}`, { ...lumen, ...noThrow })).status).toBe(404)
      const foreign = await api.post(
        `/vendor/quotes/${oakPart.id}/respond`,
        { items: [{ item_id: oakPart.items[0].item_id, unit_price: 1 }] },
        { ...lumen, ...noThrow }
      )
      expect(foreign.status).toBe(404)

      // Bad prices are 400 with nothing written: ≤ 0, non-numeric, more decimals than EUR, a missing or foreign line, a past date.
      const lampItem = lumenPart.items[0].item_id
      const respond = (headers: any, partId: string, body: Record<string, unknown> | string) =>
        api.post(`/vendor/quotes/${partId}/respond`, body, {
          ...noThrow,
          headers: { ...headers.headers, "content-type": "application/json" },
        })
      for (const body of [
        { items: [{ item_id: lampItem, unit_price: 0 }] },
        { items: [{ item_id: lampItem, unit_price: -5 }] },
        { items: [{ item_id: lampItem, unit_price: "Infinity" }] },
        // JSON's 1e309 parses to Infinity.
        `{"items": [{"item_id": "${lampItem}", "unit_price": 1e309}]}`,
        { items: [{ item_id: lampItem, unit_price: 42.555 }] },
        { items: [{ item_id: lampItem, unit_price: 99999999 }] },
        { items: [{ item_id: oakPart.items[0].item_id, unit_price: 10 }] },
        { items: [{ item_id: lampItem, unit_price: 42.5 }], valid_until: "2020-01-01T00:00:00Z" },
      ]) {
        const res = await respond(lumen, lumenPart.id, body)
        expect([res.status, res.data.type]).toEqual([400, "invalid_data"])
      }
      expect((await api.get(`/vendor/quotes/${lumenPart.id}`, lumen)).data.quote.status).toBe("requested")

      // Papyrus declines with a reason; Oakline quotes 250.00 a chair; Lumen quotes 42.50 a lamp with a note.
      await api.post(`/vendor/quotes/${paperPart.id}/decline`, { reason: "Paper only by the pallet (2,000 packs)." }, papyrus)
      const oakAnswer = await respond(oakline, oakPart.id, {
        items: [{ item_id: oakPart.items[0].item_id, unit_price: 250 }],
        valid_until: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      })
      expect([oakAnswer.status, oakAnswer.data.quote?.subtotal]).toEqual([200, 500])
      const lumenAnswer = await respond(lumen, lumenPart.id, {
        items: [{ item_id: lampItem, unit_price: 42.5 }],
        message: "Price for 10 or more.",
      })
      expect([
        lumenAnswer.status,
        lumenAnswer.data.quote.status,
        lumenAnswer.data.quote.subtotal,
        lumenAnswer.data.quote.list_subtotal,
      ]).toEqual([200, "quoted", 425, 499])
      // Default validity: 14 days.
      const validFor = Date.parse(lumenAnswer.data.quote.valid_until) - Date.now()
      expect(validFor > 13.9 * 86_400_000 && validFor <= 14 * 86_400_000).toBe(true)
      const answered = await waitFor(
        () => mailsTo("anna@acme.example", "quote-answered"),
        (m) => m.length === 3
      )
      expect(answered.map((m: any) => [m.data.vendor_name, m.data.outcome, m.data.total ?? null]).sort()).toEqual([
        ["Lumen Office Lighting", "quoted", "425"],
        ["Oakline Furniture", "quoted", "500"],
        ["Papyrus Supplies", "declined", null],
      ])

      // The thread: the buyer writes to Lumen (Lumen is e-mailed), Lumen answers (the buyer is e-mailed).
      await api.post(`/store/quotes/${quote.id}/vendor-quotes/${lumenPart.id}/messages`, { body: "Can you deliver before the 15th?" }, anna)
      await api.post(`/vendor/quotes/${lumenPart.id}/messages`, { body: "Yes, within 5 working days." }, lumen)
      const thread = (await api.get(`/store/quotes/${quote.id}`, anna)).data.quote
      expect(partOf(thread, "lumen-office-lighting").messages.map((m: any) => [m.author_type, m.body])).toEqual([
        ["customer", "Can you deliver before the 15th?"],
        ["vendor", "Yes, within 5 working days."],
      ])
      expect(partOf(thread, "oakline-furniture").messages).toEqual([])
      await waitFor(
        () => mailsTo("owner@lumen.demo", "quote-message"),
        (m) => m.length === 1
      )
      await waitFor(
        () => mailsTo("anna@acme.example", "quote-message"),
        (m) => m.length === 1
      )
      // A message on another buyer's quote, or on a part of another quote, is 404.
      expect(
        (await api.post(`/store/quotes/${quote.id}/vendor-quotes/${lumenPart.id}/messages`, { body: "hi" }, { ...zoe, ...noThrow })).status
      ).toBe(404)

      // Another company's buyer can neither see nor accept the quote.
      expect((await api.get(`/store/quotes/${quote.id}`, { ...zoe, ...noThrow })).status).toBe(404)
      expect((await api.post(`/store/quotes/${quote.id}/accept`, {}, { ...zoe, ...noThrow })).status).toBe(404)
      expect((await api.get("/store/quotes", zoe)).data.count).toBe(0)

      // Time moves past Oakline's validity: its part reads as expired, and accepting is 409 with nothing changed.
      await dbConnection.raw(`update vendor_quote set valid_until = now() - interval '1 second' where id = ?`, [oakPart.id])
      expect(partOf((await api.get(`/store/quotes/${quote.id}`, anna)).data.quote, "oakline-furniture").status).toBe("expired")
      expect((await api.get("/vendor/quotes?status=expired", oakline)).data.count).toBe(1)
      const linesBefore = await cartLines(cart.id)
      const expired = await api.post(`/store/quotes/${quote.id}/accept`, {}, { ...anna, ...noThrow })
      expect(expired.status).toBe(409)
      expect(expired.data.message).toMatch(new RegExp(`^Vendor quote ${oakPart.id} expired on `))
      expect(await cartLines(cart.id)).toEqual(linesBefore)
      expect(await statuses(quote.id)).toEqual({ quote: "requested", parts: expect.any(String) })
      expect((await statuses(quote.id)).parts.split(",").sort()).toEqual(["declined", "quoted", "quoted"])

      // Accepted without Oakline: the lamp at 42.50 stays, chair and paper leave the cart.
      const accepted = await api.post(`/store/quotes/${quote.id}/accept`, { exclude_vendor_quote_ids: [oakPart.id] }, anna)
      expect(accepted.data.quote.status).toBe("accepted")
      expect(accepted.data.quote.vendor_quotes.map((v: any) => [v.vendor.handle, v.status])).toEqual([
        ["lumen-office-lighting", "accepted"],
        ["oakline-furniture", "withdrawn"],
        ["papyrus-supplies", "declined"],
      ])
      expect(await cartLines(cart.id)).toEqual([
        { variant_id: variant("desk-lamp"), quantity: 10, unit_price: "42.5", is_custom_price: true },
      ])
      // Accepting twice is 409; the cart's lines are fixed now.
      const twice = await api.post(`/store/quotes/${quote.id}/accept`, {}, { ...anna, ...noThrow })
      expect([twice.status, twice.data.message]).toEqual([409, "This quote is already accepted."])
      const add = await api.post(
        `/store/carts/${cart.id}/line-items`,
        { variant_id: variant("desk-lamp"), quantity: 1 },
        { ...anna, ...noThrow }
      )
      expect(add.status).toBe(409)
      expect(
        (
          await api.post(
            `/vendor/quotes/${lumenPart.id}/respond`,
            { items: [{ item_id: lampItem, unit_price: 1 }] },
            { ...lumen, ...noThrow }
          )
        ).status
      ).toBe(409)

      // The shipping of vendors that left goes too: 10 × 42.50 + Lumen's 4.95.
      const { cart: ready } = (await api.get(`/store/carts/${cart.id}`, anna)).data
      expect([ready.item_total, ready.shipping_total, ready.total]).toEqual([425, 4.95, 429.95])
      const { payment_collection } = (await api.post("/store/payment-collections", { cart_id: cart.id }, anna)).data
      await api.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, anna)
      const done = (await api.post(`/store/carts/${cart.id}/complete`, {}, anna)).data
      expect([done.type, done.order.total]).toEqual(["order", 429.95])

      // The vendor order carries the quoted price, and the commission is 10% of it: 42.50.
      const vo = (await vendorOrdersByHandle(api, admin, done.order.id))["lumen-office-lighting"]
      expect([vo.total, vo.commission_total, vo.net_total]).toEqual([429.95, 42.5, 387.45])
      expect(Object.keys(await vendorOrdersByHandle(api, admin, done.order.id))).toEqual(["lumen-office-lighting"])
      const ordered = (await api.get(`/store/quotes/${quote.id}`, anna)).data.quote
      expect([ordered.status, ordered.order_id]).toEqual(["ordered", done.order.id])

      // Analytics: the funnel per vendor for the operator, and each vendor's own.
      const funnel = (await api.get("/admin/analytics/quotes", admin)).data
      expect(
        funnel.vendors
          .map((v: any) => [v.vendor.handle, v.requested, v.quoted, v.declined, v.accepted, v.ordered, v.conversion_rate])
          .sort()
      ).toEqual([
        ["lumen-office-lighting", 1, 1, 0, 1, 1, 1],
        ["oakline-furniture", 1, 1, 0, 0, 0, 0],
        ["papyrus-supplies", 1, 0, 1, 0, 0, 0],
      ])
      expect(funnel.count).toBe(3)
      expect((await api.get("/vendor/analytics/quotes", papyrus)).data.quotes).toEqual({
        requested: 1,
        quoted: 0,
        declined: 1,
        accepted: 0,
        ordered: 0,
        quote_rate: 0,
        conversion_rate: 0,
      })
      const badRange = await api.get("/admin/analytics/quotes?from=2026-12-02&to=2026-12-01", { ...admin, ...noThrow })
      expect([badRange.status, badRange.data.message]).toEqual([400, expect.stringContaining("from must be before to")])
    })

    it("an unanswered part blocks acceptance; a cart changed before or after accepting is refused; a fault while pricing undoes everything", async () => {
      const { anna } = await buyers()
      const cart = await threeVendorCart(anna)
      const { quote } = (await api.post("/store/quotes", { cart_id: cart.id }, anna)).data
      const lumen = await login("lumen-office-lighting")
      const lumenPart = partOf(quote, "lumen-office-lighting")
      const others = quote.vendor_quotes.filter((v: any) => v.id !== lumenPart.id).map((v: any) => v.id)
      await api.post(`/vendor/quotes/${lumenPart.id}/respond`, { items: [{ item_id: lumenPart.items[0].item_id, unit_price: 40 }] }, lumen)
      const accept = (body: Record<string, unknown>) => api.post(`/store/quotes/${quote.id}/accept`, body, { ...anna, ...noThrow })

      const waiting = await accept({})
      expect(waiting.status).toBe(409)
      expect(waiting.data.message).toMatch(/has not been answered yet/)
      // Excluding a part of another quote is 400.
      const stranger = await accept({ exclude_vendor_quote_ids: ["vquo_nope"] })
      expect([stranger.status, stranger.data.message]).toEqual([400, "Not parts of this quote: vquo_nope"])

      // The buyer changes a quantity after asking: the vendors quoted something else, so accepting is 409 until it is back.
      const paperLine = (await api.get(`/store/carts/${cart.id}`, anna)).data.cart.items.find(
        (i: any) => i.variant_id === variant("paper-a4-500")
      )
      await api.post(`/store/carts/${cart.id}/line-items/${paperLine.id}`, { quantity: 50 }, anna)
      const changed = await accept({ exclude_vendor_quote_ids: others })
      expect([changed.status, changed.data.message]).toEqual([
        409,
        "The cart has changed since the quote was requested; request a new quote for the cart as it is now.",
      ])
      await api.post(`/store/carts/${cart.id}/line-items/${paperLine.id}`, { quantity: 100 }, anna)

      // A fault while the quoted prices go on the lines (after the others' lines were removed): 500, and the
      // compensation puts back the removed lines and the quote as it was.
      const linesBefore = await cartLines(cart.id)
      const statusesBefore = await statuses(quote.id)
      const drop = await injectFault(dbConnection, "cart_line_item", "UPDATE", "NEW.is_custom_price")
      try {
        expect((await accept({ exclude_vendor_quote_ids: others })).status).toBe(500)
      } finally {
        await drop()
      }
      expect(await cartLines(cart.id)).toEqual(linesBefore)
      expect(await statuses(quote.id)).toEqual(statusesBefore)
      expect(linesBefore).toHaveLength(3)

      expect((await accept({ exclude_vendor_quote_ids: others })).status).toBe(200)
      expect(await cartLines(cart.id)).toEqual([
        { variant_id: variant("desk-lamp"), quantity: 10, unit_price: "40", is_custom_price: true },
      ])

      // A line that reaches the cart by another road than the line routes (a wishlist's add-to-cart) is caught at
      // checkout: 409 before Medusa creates an order.
      const list = (await api.post("/store/customers/me/wishlists", { name: "Paper" }, anna)).data.wishlist
      await api.post(`/store/customers/me/wishlists/${list.id}/items`, { variant_id: variant("paper-a4-500") }, anna)
      expect((await api.post(`/store/customers/me/wishlists/${list.id}/add-to-cart`, { cart_id: cart.id }, anna)).status).toBe(200)
      const { payment_collection } = (await api.post("/store/payment-collections", { cart_id: cart.id }, anna)).data
      await api.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, anna)
      const complete = await api.post(`/store/carts/${cart.id}/complete`, {}, { ...anna, ...noThrow })
      expect([complete.status, complete.data.message]).toEqual([
        409,
        "The cart has changed since its quote was accepted; it no longer matches the quoted lines and prices.",
      ])
      const open = await dbConnection.raw(`select completed_at from cart where id = ?`, [cart.id])
      expect(open.rows[0].completed_at).toBeNull()
      expect((await api.get(`/store/quotes/${quote.id}`, anna)).data.quote.status).toBe("accepted")
    })
  },
})
