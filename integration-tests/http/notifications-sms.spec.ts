import { Modules } from "@medusajs/framework/utils"
import { liliumIntegrationTestRunner } from "../helpers/runner"
import { applyAsVendor, bearer, sellingVendor } from "../helpers/vendor"
import { readyCart, registerCustomer } from "../helpers/store"
import { noThrow, waitFor } from "../helpers/poll"
import { diffSnapshots, snapshotDb } from "../helpers/db-snapshot"
import { FAKE_TWILIO_FROM, useFakeTwilio } from "../helpers/fake-twilio"

// Before the runner: medusa-config.ts picks the SMS provider when it is loaded.
const twilio = useFakeTwilio()

/**
 * SMS by preference (issue 16): a vendor member sets their own phone
 * (POST /vendor/me/member, E.164), turns SMS on for a category, and the one
 * sender (sendNotificationsWorkflow) adds an SMS copy of that category's
 * e-mails, which leaves through the real Twilio SDK to the fake. Members
 * can also sign in with a code sent by SMS.
 */
const MEMBER = "/vendor/me/member"
const VENDOR_PREFS = "/vendor/me/notification-preferences"

liliumIntegrationTestRunner({
  withCatalog: false,
  testSuite: ({ api, adminHeaders, storeHeaders, basics, getContainer, dbConnection }) => {
    const rows = (filter: Record<string, unknown>) =>
      getContainer().resolve(Modules.NOTIFICATION).listNotifications(filter) as Promise<any[]>
    const smsTo = (phone: string, count = 1) =>
      waitFor(
        async () => twilio.sent.filter((m) => m.to === phone),
        (l) => l.length >= count
      )

    it("a member's phone (E.164, 400 writes nothing); a checkout texts the member and the buyer who turned SMS on, the others get e-mail only", async () => {
      const admin = await adminHeaders()
      const alpha = await sellingVendor(api, admin, {
        name: "Alpha Sms",
        email: "owner@alpha-sms.example",
        product: { title: "Alpha Box", eur: 12.5, stock: 20 },
        shipping: { eur: 3 },
      })
      // A second order handler (role orders): any role sets its own phone, and keeps SMS off.
      const invite = await api.post("/vendor/invites", { email: "orders@alpha-sms.example", role: "orders" }, alpha.headers)
      const reg = await api.post("/auth/vendor/emailpass/register", { email: "orders@alpha-sms.example", password: "member-pw-1" })
      await api.post("/vendor/invites/accept", { token: invite.data.token, first_name: "Mia" }, bearer(reg.data.token))
      const clerk = bearer(
        (await api.post("/auth/vendor/emailpass", { email: "orders@alpha-sms.example", password: "member-pw-1" })).data.token
      )

      // Bad numbers and bodies: 400 with a clear message, nothing written.
      const before = await snapshotDb(dbConnection)
      for (const body of [
        { phone: "015112345678" },
        { phone: "+49 151 1234 5678" },
        { phone: "+0151123456" },
        { phone: "" },
        {},
        { id: "x" },
      ]) {
        const res = await api.post(MEMBER, body, { ...alpha.headers, ...noThrow })
        expect({ body, status: res.status }).toEqual({ body, status: 400 })
        if ("phone" in body) expect(res.data.message).toMatch(/E\.164/)
      }
      expect(diffSnapshots(before, await snapshotDb(dbConnection))).toEqual([])

      const ownerPhone = "+4915112340001"
      const clerkPhone = "+4915112340002"
      const set = await api.post(MEMBER, { phone: ` ${ownerPhone} `, last_name: "Owner" }, alpha.headers)
      expect(set.data.member).toMatchObject({ email: "owner@alpha-sms.example", phone: ownerPhone, last_name: "Owner" })
      expect((await api.get("/vendor/me", alpha.headers)).data.member.phone).toBe(ownerPhone)
      const clerkSet = await api.post(MEMBER, { phone: clerkPhone }, clerk)
      expect(clerkSet.data.member).toMatchObject({ email: "orders@alpha-sms.example", phone: clerkPhone, first_name: "Mia" })
      // The owner's phone is the owner's: the clerk's call changed only the clerk.
      expect((await api.get("/vendor/me", alpha.headers)).data.member.phone).toBe(ownerPhone)
      await api.post(VENDOR_PREFS, { preferences: [{ category: "orders", channel: "sms", enabled: true }] }, alpha.headers)

      // A buyer with a phone and order SMS on.
      const buyerPhone = "+4915112340003"
      const buyer = await registerCustomer(api, storeHeaders(), "sms-buyer@example.com")
      const asBuyer = { headers: { ...storeHeaders().headers, authorization: `Bearer ${buyer.token}` } }
      const buyerId = (await api.post("/store/customers/me", { phone: buyerPhone }, asBuyer)).data.customer.id
      await api.post(
        "/store/customers/me/notification-preferences",
        { preferences: [{ category: "orders", channel: "sms", enabled: true }] },
        asBuyer
      )

      const cart = await readyCart(api, storeHeaders(), {
        region_id: basics().regions.find((r) => r.currency_code === "eur")!.id,
        email: buyer.email,
        customerToken: buyer.token,
        lines: [{ variant_id: alpha.variant_id, quantity: 2 }],
      })
      const order = (await api.post(`/store/carts/${cart.id}/complete`, {}, asBuyer)).data.order
      const [vo] = (await api.get(`/admin/orders/${order.id}/vendor-orders`, admin)).data.vendor_orders

      // The owner: e-mail and SMS, through Twilio, to the phone they set.
      const [ownerSms] = await smsTo(ownerPhone)
      expect(ownerSms).toMatchObject({ to: ownerPhone, from: FAKE_TWILIO_FROM })
      const euros = (v: unknown) => `€${Number(v).toFixed(2)}`
      expect(ownerSms.body.startsWith(`New order #${vo.display_id} (${euros(vo.total)}). http`)).toBe(true)
      expect(ownerSms.body.endsWith(`/orders/${vo.id}`)).toBe(true)
      const ownerRows = await waitFor(
        () => rows({ receiver_id: set.data.member.id, template: "vendor-order-created" }),
        (l) => l.length === 2 && l.every((n) => n.status === "success")
      )
      expect(ownerRows.map((n) => [n.channel, n.to, n.idempotency_key]).sort()).toEqual([
        ["email", "owner@alpha-sms.example", `vendor-order-created-${vo.id}-${set.data.member.id}`],
        ["sms", ownerPhone, `vendor-order-created-${vo.id}-${set.data.member.id}:sms`],
      ])
      expect(ownerRows.find((n) => n.channel === "sms").external_id).toBe(ownerSms.sid)
      // No unsubscribe link travels with the SMS.
      expect(ownerRows.find((n) => n.channel === "sms").data.unsubscribe_url).toBeUndefined()

      // The buyer: the order confirmation by SMS too.
      const [buyerSms] = await smsTo(buyerPhone)
      expect(buyerSms.body).toBe(`Order #${order.display_id} confirmed: ${euros(order.total)}.`)
      const buyerRows = await waitFor(
        () => rows({ template: "order-confirmation", receiver_id: buyerId }),
        (l) => l.length === 2
      )
      expect(buyerRows.map((n) => n.channel).sort()).toEqual(["email", "sms"])

      // The clerk has a phone but SMS off: the e-mail only, and nothing to the clerk's phone.
      const clerkRows = await waitFor(
        () => rows({ receiver_id: clerkSet.data.member.id, template: "vendor-order-created" }),
        (l) => l.length > 0
      )
      expect(clerkRows.map((n) => [n.channel, n.to])).toEqual([["email", "orders@alpha-sms.example"]])
      expect(twilio.sent.filter((m) => m.to === clerkPhone)).toEqual([])
      expect(twilio.sent.map((m) => m.to).sort()).toEqual([ownerPhone, buyerPhone].sort())

      // null removes the phone.
      expect((await api.post(MEMBER, { phone: null }, alpha.headers)).data.member.phone).toBeNull()
      expect((await api.get("/vendor/me", alpha.headers)).data.member.phone).toBeNull()
    })

    it("a member of a pending vendor sets a phone and signs in with a code sent by SMS", async () => {
      const email = "owner@pending-sms.example"
      const owner = await applyAsVendor(api, { name: "Pending Sms", email })
      expect((await api.get("/vendor/me", owner.headers)).data.vendor.status).toBe("pending")
      // Without a phone, an SMS code request answers 201 and sends nothing (the same answer as for anyone).
      expect((await api.post("/auth/vendor/otp/request", { identifier: email, channel: "sms" }, noThrow)).status).toBe(201)

      const phone = "+14155550123"
      const res = await api.post(MEMBER, { phone, first_name: "Pat" }, { ...owner.headers, ...noThrow })
      expect([res.status, res.data.member?.phone, res.data.member?.first_name]).toEqual([200, phone, "Pat"])

      expect((await api.post("/auth/vendor/otp/request", { identifier: email, channel: "sms" }, noThrow)).status).toBe(201)
      const [sms] = await smsTo(phone)
      const code = sms.body.match(/\b(\d{6})\b/)?.[1]
      expect(code).toMatch(/^\d{6}$/)
      const [row] = await waitFor(
        () => rows({ to: phone, template: "otp-code" }),
        (l) => l.length > 0
      )
      expect(row.channel).toBe("sms")
      expect(await rows({ to: email, template: "otp-code" })).toEqual([])
      // The request made before the phone was set sent nothing: one SMS in all.
      expect(twilio.sent).toHaveLength(1)

      const signedIn = await api.post("/auth/vendor/otp", { identifier: email, code }, noThrow)
      expect(signedIn.status).toBe(200)
      const me = await api.get("/vendor/me", bearer(signedIn.data.token))
      expect(me.data.member).toMatchObject({ email, phone, first_name: "Pat" })
    })
  },
})
