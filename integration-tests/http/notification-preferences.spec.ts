import { Modules } from "@medusajs/framework/utils"
import { liliumIntegrationTestRunner } from "../helpers/runner"
import { applyAsVendor, bearer, sellingVendor } from "../helpers/vendor"
import { readyCart, registerCustomer } from "../helpers/store"
import { noThrow, waitFor } from "../helpers/poll"
import { diffSnapshots, snapshotDb } from "../helpers/db-snapshot"
import { useFakeSendgrid } from "../helpers/fake-sendgrid"
import { sendNotificationsWorkflow } from "../../src/workflows/notification/workflows/send-notifications"

// Before the runner: medusa-config.ts picks the e-mail provider when it is loaded.
const sendgrid = useFakeSendgrid()

/**
 * Issue 16, item 7: notification preferences per customer and per vendor
 * member, honoured by every sender (sendNotificationsWorkflow), security
 * mail always sent, and the signed unsubscribe link that works without
 * signing in. What was sent is read from the Notification module's rows and
 * from the fake SendGrid (the rendered message).
 */
type Headers = { headers: Record<string, string> }

const pref = (list: any[], category: string, channel = "email") =>
  list.find((p) => p.category === category && p.channel === channel)?.enabled

liliumIntegrationTestRunner({
  withCatalog: false,
  testSuite: ({ api, adminHeaders, storeHeaders, basics, getContainer, dbConnection }) => {
    const rows = (filter: Record<string, unknown>) =>
      getContainer().resolve(Modules.NOTIFICATION).listNotifications(filter) as Promise<any[]>
    const asCustomer = (token: string): Headers => ({ headers: { ...storeHeaders().headers, authorization: `Bearer ${token}` } })
    const customer = async (email: string) => {
      const { token } = await registerCustomer(api, storeHeaders(), email)
      const headers = asCustomer(token)
      const { data } = await api.get("/store/customers/me", headers)
      return { headers, id: data.customer.id as string, email }
    }
    const CUSTOMER_PREFS = "/store/customers/me/notification-preferences"
    const VENDOR_PREFS = "/vendor/me/notification-preferences"

    it("defaults, upsert, 400s with nothing written, and each person sees only their own", async () => {
      const buyer = await customer("prefs@buyer.example")
      const defaults = (await api.get(CUSTOMER_PREFS, buyer.headers)).data.preferences
      expect(defaults).toEqual([
        { category: "orders", channel: "email", enabled: true },
        { category: "orders", channel: "sms", enabled: false },
        { category: "shipping", channel: "email", enabled: true },
        { category: "shipping", channel: "sms", enabled: false },
        { category: "stock_alerts", channel: "email", enabled: true },
        { category: "stock_alerts", channel: "sms", enabled: false },
        { category: "marketing", channel: "email", enabled: false },
        { category: "marketing", channel: "sms", enabled: false },
      ])
      // A pending vendor's member may set their own (it is their inbox, not a change to the vendor).
      const owner = await applyAsVendor(api, { name: "Prefs Co", email: "owner@prefs.example" })
      const memberDefaults = (await api.get(VENDOR_PREFS, owner.headers)).data.preferences
      expect(memberDefaults.map((p: any) => `${p.category}/${p.channel}=${p.enabled}`)).toEqual([
        "orders/email=true",
        "orders/sms=false",
        "payouts/email=true",
        "payouts/sms=false",
        "account/email=true",
        "account/sms=false",
      ])

      // Upsert: creates, then updates, and answers the full list.
      const first = await api.post(
        CUSTOMER_PREFS,
        {
          preferences: [
            { category: "marketing", channel: "email", enabled: true },
            { category: "orders", channel: "sms", enabled: true },
          ],
        },
        buyer.headers
      )
      expect(first.data.preferences).toHaveLength(8)
      expect([pref(first.data.preferences, "marketing"), pref(first.data.preferences, "orders", "sms")]).toEqual([true, true])
      await api.post(CUSTOMER_PREFS, { preferences: [{ category: "marketing", channel: "email", enabled: false }] }, buyer.headers)
      const after = (await api.get(CUSTOMER_PREFS, buyer.headers)).data.preferences
      expect([pref(after, "marketing"), pref(after, "orders", "sms"), pref(after, "orders")]).toEqual([false, true, true])
      const stored = await dbConnection.raw(`select count(*)::int as n from notification_preference where recipient_id = ?`, [buyer.id])
      expect(stored.rows[0].n).toBe(2)

      const vendorSet = await api.post(
        VENDOR_PREFS,
        { preferences: [{ category: "payouts", channel: "email", enabled: false }] },
        owner.headers
      )
      expect(pref(vendorSet.data.preferences, "payouts")).toBe(false)

      // Refused bodies: 400 with a message, and no row anywhere changed.
      const bad: [string, Headers, unknown, RegExp][] = [
        [CUSTOMER_PREFS, buyer.headers, { preferences: [{ category: "payouts", channel: "email", enabled: false }] }, /category/],
        [VENDOR_PREFS, owner.headers, { preferences: [{ category: "marketing", channel: "email", enabled: true }] }, /category/],
        [CUSTOMER_PREFS, buyer.headers, { preferences: [{ category: "orders", channel: "push", enabled: false }] }, /channel/],
        [CUSTOMER_PREFS, buyer.headers, { preferences: [{ category: "orders", channel: "email", enabled: "no" }] }, /enabled/],
        [
          VENDOR_PREFS,
          owner.headers,
          {
            preferences: [
              { category: "orders", channel: "email", enabled: false },
              { category: "orders", channel: "email", enabled: true },
            ],
          },
          /more than once/,
        ],
        [CUSTOMER_PREFS, buyer.headers, { preferences: [] }, /preferences/],
        [CUSTOMER_PREFS, buyer.headers, {}, /preferences/],
        // The recipient comes from the token, never from the body.
        [
          CUSTOMER_PREFS,
          buyer.headers,
          { preferences: [{ category: "orders", channel: "email", enabled: false }], customer_id: "cus_other" },
          /customer_id/,
        ],
      ]
      const before = await snapshotDb(dbConnection)
      for (const [url, headers, body, message] of bad) {
        const res = await api.post(url, body, { ...headers, ...noThrow })
        expect({ url, body, status: res.status, message: message.test(res.data.message) }).toEqual({
          url,
          body,
          status: 400,
          message: true,
        })
      }
      expect(diffSnapshots(before, await snapshotDb(dbConnection))).toEqual([])

      // Another person starts from the defaults: nobody reads or changes someone else's choices.
      const other = await customer("prefs-other@buyer.example")
      expect((await api.get(CUSTOMER_PREFS, other.headers)).data.preferences).toEqual(defaults)
      expect((await api.get(CUSTOMER_PREFS, { ...storeHeaders(), ...noThrow })).status).toBe(401)
      expect((await api.get(VENDOR_PREFS, noThrow)).status).toBe(401)

      // Security mail ignores preferences: a buyer who turned every e-mail off still gets the reset link.
      await api.post(
        CUSTOMER_PREFS,
        {
          preferences: ["orders", "shipping", "stock_alerts", "marketing"].map((category) => ({
            category,
            channel: "email",
            enabled: false,
          })),
        },
        buyer.headers
      )
      await api.post("/auth/customer/emailpass/reset-password", { identifier: buyer.email })
      const reset = await waitFor(
        () => rows({ to: buyer.email, template: "password-reset" }),
        (list) => list.length > 0
      )
      expect(reset[0].data.reset_url).toMatch(/token=/)
      const resetMail = await sendgrid.waitForMail((m) => m.to === buyer.email)
      expect(resetMail.text).not.toMatch(/unsubscribe/i)
    })

    it("after real checkouts: an opted-out member and an opted-out buyer get nothing, the others get theirs, with the vendor split to the cent", async () => {
      const admin = await adminHeaders()
      const alpha = await sellingVendor(api, admin, {
        name: "Alpha Tools",
        email: "owner@alpha-prefs.example",
        product: { title: "Alpha Box", eur: 10.15, stock: 50 },
        shipping: { eur: 3.35 },
      })
      const beta = await sellingVendor(api, admin, {
        name: "Beta Bags",
        email: "owner@beta-prefs.example",
        product: { title: "Beta Bag", eur: 20.1, stock: 50 },
        shipping: { eur: 4.05 },
      })
      // A second member of Alpha who handles orders.
      const invite = await api.post("/vendor/invites", { email: "orders@alpha-prefs.example", role: "orders" }, alpha.headers)
      const reg = await api.post("/auth/vendor/emailpass/register", { email: "orders@alpha-prefs.example", password: "member-pw-1" })
      await api.post("/vendor/invites/accept", { token: invite.data.token, first_name: "Mia" }, bearer(reg.data.token))
      // The owner opts out of order e-mail; the orders member keeps the default.
      await api.post(VENDOR_PREFS, { preferences: [{ category: "orders", channel: "email", enabled: false }] }, alpha.headers)

      const quiet = await customer("quiet@buyer.example")
      await api.post(CUSTOMER_PREFS, { preferences: [{ category: "orders", channel: "email", enabled: false }] }, quiet.headers)
      const loud = await customer("loud@buyer.example")
      const eur = basics().regions.find((r) => r.currency_code === "eur")!
      const checkout = async (buyer: { headers: Headers; email: string }) => {
        const cart = await readyCart(api, storeHeaders(), {
          region_id: eur.id,
          email: buyer.email,
          customerToken: buyer.headers.headers.authorization.slice(7),
          lines: [
            { variant_id: alpha.variant_id, quantity: 3 },
            { variant_id: beta.variant_id, quantity: 1 },
          ],
        })
        return (await api.post(`/store/carts/${cart.id}/complete`, {}, buyer.headers)).data.order
      }
      const quietOrder = await checkout(quiet)
      const loudOrder = await checkout(loud)

      // The buyer who kept order e-mail gets the confirmation, split by vendor.
      const [confirmation] = await waitFor(
        () => rows({ to: loud.email, template: "order-confirmation" }),
        (list) => list.length > 0
      )
      const split = (await api.get(`/admin/orders/${loudOrder.id}/vendor-orders`, admin)).data.vendor_orders
      const { data: placed } = await api.get(`/admin/orders/${loudOrder.id}?fields=id,total,currency_code`, admin)
      const cents = (v: unknown) => Math.round(Number(v) * 100)
      expect(confirmation.data).toMatchObject({
        order_id: loudOrder.id,
        currency_code: "eur",
        total: (cents(placed.order.total) / 100).toFixed(2),
      })
      expect(confirmation.data.vendors).toEqual([
        {
          vendor_name: "Alpha Tools",
          vendor_order_id: split.find((v: any) => v.vendor.id === alpha.vendor.id).id,
          items: [{ title: "Alpha Box – One", quantity: 3, total: "30.45" }],
          subtotal: "30.45",
          shipping_total: "3.35",
          total: "33.80",
        },
        {
          vendor_name: "Beta Bags",
          vendor_order_id: split.find((v: any) => v.vendor.id === beta.vendor.id).id,
          items: [{ title: "Beta Bag – One", quantity: 1, total: "20.10" }],
          subtotal: "20.10",
          shipping_total: "4.05",
          total: "24.15",
        },
      ])
      // The vendors' parts add up to the order's total, in whole cents.
      expect(cents(confirmation.data.total)).toBe(cents("33.80") + cents("24.15"))
      for (const vo of split)
        expect(cents(vo.total)).toBe(cents(confirmation.data.vendors.find((v: any) => v.vendor_order_id === vo.id).total))
      const mail = await sendgrid.waitForMail((m) => m.to === loud.email && /confirmed/.test(m.subject))
      expect(mail.text).toContain("Total from Alpha Tools: €33.80")
      expect(mail.text).toContain("Total from Beta Bags: €24.15")
      expect(mail.text).toContain("Total: €57.95")
      // Non-security mail to a person: a signed link for its own category, in the footer and the List-Unsubscribe header.
      expect(confirmation.data.unsubscribe_url).toMatch(/\/hooks\/notifications\/unsubscribe\?token=v1\./)
      expect(mail.text).toContain(`Unsubscribe: ${confirmation.data.unsubscribe_url}`)
      expect(mail.body.headers).toEqual({
        "List-Unsubscribe": `<${confirmation.data.unsubscribe_url}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      })
      const look = await api.get(new URL(confirmation.data.unsubscribe_url).pathname + new URL(confirmation.data.unsubscribe_url).search)
      expect(look.data.unsubscribe).toEqual({ recipient_type: "customer", category: "orders", channel: "email", enabled: true })
      // Alpha's orders member got both new orders; the owner, who opted out, none.
      const memberRows = await waitFor(
        () => rows({ to: "orders@alpha-prefs.example", template: "vendor-order-created" }),
        (list) => list.length === 2
      )
      expect(memberRows).toHaveLength(2)
      // Beta's owner (defaults) got theirs: the opt-out is the member's alone.
      const betaRows = await waitFor(
        () => rows({ to: "owner@beta-prefs.example", template: "vendor-order-created" }),
        (list) => list.length === 2
      )
      expect(betaRows).toHaveLength(2)
      expect(await rows({ to: "owner@alpha-prefs.example", template: "vendor-order-created" })).toEqual([])
      // The buyer who opted out got no confirmation (the other buyer's, sent after it, is there).
      expect(await rows({ to: quiet.email, template: "order-confirmation" })).toEqual([])
      expect(quietOrder.id).toBeTruthy()
      expect(sendgrid.sent.filter((m) => m.to === quiet.email && /confirmed/.test(m.subject))).toEqual([])
    })

    it("the unsubscribe link of a stock-alert e-mail works without signing in; a tampered link is 400 and changes nothing", async () => {
      const buyer = await customer("alerts@buyer.example")
      const send = (key: string) =>
        sendNotificationsWorkflow(getContainer()).run({
          input: {
            notifications: [
              {
                to: buyer.email,
                channel: "email",
                template: "back-in-stock",
                category: "stock_alerts",
                recipient: { type: "customer", id: buyer.id },
                idempotency_key: key,
                data: { product_title: "Alpha Box", variant_id: "variant_1", product_url: "https://shop.example.com/products/alpha-box" },
              },
              // Marketing is off until the buyer opts in: dropped.
              {
                to: buyer.email,
                channel: "email",
                template: "marketing-news",
                category: "marketing",
                recipient: { type: "customer", id: buyer.id },
                idempotency_key: `${key}-news`,
                data: {},
              },
            ],
          },
        })
      const { result } = await send("alert-1")
      expect(result.sent).toHaveLength(1)
      expect(result.skipped).toEqual([expect.objectContaining({ template: "marketing-news", reason: "customer opted out" })])

      // The rendered e-mail carries the link in its footer (text and HTML).
      const mail = await sendgrid.waitForMail((m) => m.to === buyer.email && /back in stock/.test(m.subject))
      const link = mail.text.match(/Unsubscribe: (\S+)/)?.[1]
      expect(link).toMatch(/\/hooks\/notifications\/unsubscribe\?token=v1\./)
      expect(mail.html).toContain("Unsubscribe from these e-mails")
      const url = new URL(link!)
      const path = `${url.pathname}${url.search}`

      // GET (what a link scanner or a browser does first) changes nothing; a browser gets a page with the button.
      const before = await snapshotDb(dbConnection)
      const look = await api.get(path, noThrow)
      expect(look.status).toBe(200)
      expect(look.data.unsubscribe).toEqual({ recipient_type: "customer", category: "stock_alerts", channel: "email", enabled: true })
      const page = await api.get(path, { headers: { accept: "text/html" }, ...noThrow })
      expect(page.headers["content-type"]).toMatch(/text\/html/)
      expect(page.data).toContain('<form method="post"')
      expect(page.data).toContain("back-in-stock alerts")

      // Tampered, truncated or missing tokens: 400 with a clear message, GET or POST, nothing written.
      const token = url.searchParams.get("token")!
      const [v, payload, sig] = token.split(".")
      const forged = `${v}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, "base64url").toString()), c: "orders" })).toString("base64url")}.${sig}`
      for (const t of [forged, token.slice(0, -2), "v1.x.y"]) {
        const q = `${url.pathname}?token=${encodeURIComponent(t)}`
        const got = await api.get(q, noThrow)
        expect([got.status, got.data.message]).toEqual([400, expect.stringMatching(/unsubscribe link (is not valid|is malformed)/)])
        const posted = await api.post(q, "List-Unsubscribe=One-Click", {
          headers: { "content-type": "application/x-www-form-urlencoded" },
          ...noThrow,
        })
        expect(posted.status).toBe(400)
      }
      expect((await api.post(url.pathname, {}, noThrow)).status).toBe(400)
      expect(diffSnapshots(before, await snapshotDb(dbConnection))).toEqual([])

      // RFC 8058 one-click: POST to the link, form-encoded, no sign-in.
      const done = await api.post(path, "List-Unsubscribe=One-Click", {
        headers: { "content-type": "application/x-www-form-urlencoded" },
      })
      expect(done.data.unsubscribe).toEqual({ recipient_type: "customer", category: "stock_alerts", channel: "email", enabled: false })
      const now = (await api.get(CUSTOMER_PREFS, buyer.headers)).data.preferences
      expect([pref(now, "stock_alerts"), pref(now, "orders"), pref(now, "marketing")]).toEqual([false, true, false])
      // Again: harmless.
      expect(
        (await api.post(path, "List-Unsubscribe=One-Click", { headers: { "content-type": "application/x-www-form-urlencoded" } })).status
      ).toBe(200)

      // The next alert is not sent.
      const { result: next } = await send("alert-2")
      expect(next.sent).toEqual([])
      expect((await rows({ to: buyer.email, template: "back-in-stock" })).map((n) => n.data.variant_id)).toEqual(["variant_1"])
    })
  },
})
