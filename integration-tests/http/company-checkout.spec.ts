import { Modules } from "@medusajs/framework/utils"
import { liliumIntegrationTestRunner } from "../helpers/runner"
import { readyCart, registerCustomer } from "../helpers/store"
import { noThrow, waitFor } from "../helpers/poll"
import { capturedOrder, vendorOrdersByHandle } from "../helpers/vendor-order-flow"
import { periodStart } from "../../src/lib/spending-period"
import { injectFault } from "../helpers/db-fault"

/**
 * Issue 18, items 3 and 4 at checkout (Medusa's POST /store/carts/:id/complete):
 * spending limits per order, calendar week and month, counting placed orders
 * minus refunds, with time moved (order placement times moved in the
 * database, never slept); two concurrent checkouts of one employee against
 * one limit; a suspended company; approvals above the company's threshold,
 * frozen carts while pending, rejected and approved requests e-mailed to the
 * requester, an approval voided by a later cart change, no self-approval.
 * Demo catalog: Lumen's desk lamp 49.90 EUR + 4.95 shipping to Germany = 54.85.
 */
type Who = { headers: Record<string, string>; email: string; token: string }
const LAMP_CART = 54.85

liliumIntegrationTestRunner({
  testSuite: ({ api, basics, catalog, storeHeaders, adminHeaders, dbConnection, getContainer }) => {
    const asCustomer = async (email: string): Promise<Who> => {
      const { token } = await registerCustomer(api, storeHeaders(), email)
      return { email, token, headers: { ...storeHeaders().headers, authorization: `Bearer ${token}` } }
    }
    const eurRegion = () => basics().regions.find((r) => r.currency_code === "eur")!.id
    const lamp = () => catalog().products.find((p) => p.handle === "desk-lamp")!.variant_id
    const lampCart = async (who: Who, quantity = 1) => {
      const cart = await readyCart(api, storeHeaders(), {
        region_id: eurRegion(),
        email: who.email,
        customerToken: who.token,
        lines: [{ variant_id: lamp(), quantity }],
      })
      return cart.id as string
    }
    // A changed cart total drops Medusa's payment sessions: the storefront opens a new one, as here.
    const payAgain = async (who: Who, cartId: string) => {
      const { payment_collection } = (await api.post("/store/payment-collections", { cart_id: cartId }, who)).data
      await api.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, who)
    }
    const complete = (who: Who, cartId: string) => api.post(`/store/carts/${cartId}/complete`, {}, { ...who, ...noThrow })
    const expectRefused = async (who: Who, cartId: string, message: string) => {
      const res = await complete(who, cartId)
      expect([res.status, res.data.type, res.data.message]).toEqual([400, "not_allowed", message])
      const orders = await dbConnection.raw(`select count(*)::int as n from cart where id = ? and completed_at is not null`, [cartId])
      expect(orders.rows[0].n).toBe(0)
    }
    const expectOrder = async (who: Who, cartId: string) => {
      const res = await complete(who, cartId)
      expect([res.status, res.data.type, res.data.message]).toEqual([200, "order", undefined])
      return res.data.order
    }
    const companyOrders = async (companyId: string) =>
      (
        await dbConnection.raw(`select order_id, total::text as total from company_order where company_id = ? order by placed_at`, [
          companyId,
        ])
      ).rows
    const movePlacedAt = (orderIds: string[], at: Date) =>
      dbConnection.raw(`update company_order set placed_at = ? where order_id = any(?)`, [at.toISOString(), orderIds])
    const mailsTo = (to: string, template: string) => getContainer().resolve(Modules.NOTIFICATION).listNotifications({ to, template })

    /** Anna founds Acme (admin); Ben joins as buyer, Carla as approver, through e-mailed invites. */
    const acme = async () => {
      const anna = await asCustomer("anna@acme.example")
      const ben = await asCustomer("ben@acme.example")
      const carla = await asCustomer("carla@acme.example")
      const company = (await api.post("/store/companies", { name: "Acme Procurement GmbH", email: "buying@acme.example" }, anna)).data
        .company
      const join = async (who: Who, role: string) => {
        const { token } = (await api.post("/store/companies/me/invites", { email: who.email, role }, anna)).data
        return (await api.post("/store/companies/invites/accept", { token }, who)).data.employee.id as string
      }
      const benId = await join(ben, "buyer")
      await join(carla, "approver")
      const setLimit = (spending_limit: number | null, spending_period: string | null) =>
        api.post(`/store/companies/me/employees/${benId}`, { spending_limit, spending_period }, anna)
      return { anna, ben, carla, company, benId, setLimit }
    }

    it("limits per month, week and order: placed orders minus refunds, calendar periods with time moved, the limit itself allowed", async () => {
      const admin = await adminHeaders()
      const { ben, company, setLimit } = await acme()
      await setLimit(82, "month")

      const a = await lampCart(ben)
      expect((await api.get(`/store/carts/${a}`, ben)).data.cart.total).toBe(LAMP_CART)
      const orderA = await expectOrder(ben, a)
      const me = (await api.get("/store/companies/me", ben)).data.employee
      expect(me.spending).toEqual({
        period_start: periodStart("month", "UTC")!.toISOString(),
        spent: 54.85,
        remaining: 27.15,
        currency_code: "eur",
      })

      // A second lamp would make 109.70 this month: refused, no order, nothing recorded.
      const b = await lampCart(ben)
      await expectRefused(
        ben,
        b,
        "This order (EUR 54.85) would take your spending this month to EUR 109.70, above your limit of EUR 82.00 (EUR 27.15 left)."
      )
      expect((await companyOrders(company.id)).map((r: any) => [r.order_id, r.total])).toEqual([[orderA.id, "54.85"]])

      // A refund of 27.70 on the first order brings this month to 27.15: with the second, exactly the limit, which is allowed.
      await capturedOrder(api, admin, orderA.id)
      const lumen = (await vendorOrdersByHandle(api, admin, orderA.id))["lumen-office-lighting"]
      await api.post(`/admin/vendor-orders/${lumen.id}/refunds`, { amount: 27.7, note: "Partial refund" }, admin)
      const orderB = await expectOrder(ben, b)
      expect((await api.get("/store/companies/me", ben)).data.employee.spending).toMatchObject({ spent: 82, remaining: 0 })

      // Nothing left this month...
      const c = await lampCart(ben)
      await expectRefused(
        ben,
        c,
        "This order (EUR 54.85) would take your spending this month to EUR 136.85, above your limit of EUR 82.00 (EUR 0.00 left)."
      )
      // ...until both orders were placed a second before the month began (in the company's zone, UTC).
      const monthStart = periodStart("month", "UTC")!
      await movePlacedAt([orderA.id, orderB.id], new Date(monthStart.getTime() - 1000))
      const orderC = await expectOrder(ben, c)

      // Weekly: the week starts Monday 00:00. An order placed exactly then counts; one a second earlier does not.
      await setLimit(82, "week")
      const weekStart = periodStart("week", "UTC")!
      await movePlacedAt([orderA.id, orderB.id], new Date(weekStart.getTime() - 1000))
      await movePlacedAt([orderC.id], weekStart)
      expect((await api.get("/store/companies/me", ben)).data.employee.spending).toEqual({
        period_start: weekStart.toISOString(),
        spent: 54.85,
        remaining: 27.15,
        currency_code: "eur",
      })
      const d = await lampCart(ben)
      await expectRefused(
        ben,
        d,
        "This order (EUR 54.85) would take your spending this week to EUR 109.70, above your limit of EUR 82.00 (EUR 27.15 left)."
      )
      await movePlacedAt([orderC.id], new Date(weekStart.getTime() - 1))
      expect((await api.get("/store/companies/me", ben)).data.employee.spending).toMatchObject({ spent: 0, remaining: 82 })

      // Per order: history does not count, the order alone must fit.
      await setLimit(54.84, "order")
      await expectRefused(ben, d, "This order (EUR 54.85) is above your spending limit of EUR 54.84 per order.")
      await setLimit(54.85, "order")
      const orderD = await expectOrder(ben, d)
      expect((await companyOrders(company.id)).map((r: any) => r.total)).toEqual(["54.85", "54.85", "54.85", "54.85"])
      expect((await companyOrders(company.id)).map((r: any) => r.order_id).sort()).toEqual(
        [orderA.id, orderB.id, orderC.id, orderD.id].sort()
      )
    })

    it("two checkouts of one employee at once cannot both pass the limit; a suspended company's employees cannot check out; a failed company record undoes the checkout", async () => {
      const admin = await adminHeaders()
      const { ben, company, setLimit } = await acme()
      await setLimit(82, "month")
      const [x, y] = [await lampCart(ben), await lampCart(ben)]
      const results = await Promise.all([complete(ben, x), complete(ben, y)])
      const outcomes = results.map((r) => (r.status === 200 ? r.data.type : `${r.status} ${r.data.type}`)).sort()
      expect(outcomes).toEqual(["400 not_allowed", "order"])
      expect((await companyOrders(company.id)).map((r: any) => r.total)).toEqual(["54.85"])

      // Suspended by the operator: refused with nothing written, then fine again once reactivated (limit raised).
      await setLimit(null, null)
      const z = [x, y].find((_, i) => results[i].status !== 200)!
      await api.post(`/admin/companies/${company.id}`, { status: "suspended" }, admin)
      await expectRefused(
        ben,
        z,
        "Acme Procurement GmbH is suspended on this marketplace; its employees cannot place orders. Contact the marketplace."
      )
      await api.post(`/admin/companies/${company.id}`, { status: "active" }, admin)

      // A failure recording the order for the company (a PostgreSQL trigger on company_order), after the split has
      // committed: Medusa's error, the completion compensated (cart open), the split undone by its compensation (vendor
      // orders soft-deleted, reversing ledger rows: nets to 0), nothing recorded; the retry completes and records once.
      const drop = await injectFault(dbConnection, "company_order", "INSERT")
      let failed: any
      try {
        failed = await complete(ben, z)
      } finally {
        await drop()
      }
      expect([failed.status, failed.data.type]).toEqual([500, "unknown_error"])
      const { rows: state } = await dbConnection.raw(
        `select (select completed_at from cart where id = ?) as completed_at,
                (select count(*)::int from vendor_order
                  where deleted_at is null and order_id in (select order_id from order_cart where cart_id = ?)) as vendor_orders,
                (select count(*)::int from vendor_transaction
                  where order_id in (select order_id from order_cart where cart_id = ?)) as ledger_rows,
                (select coalesce(sum(amount), 0) = 0 from vendor_transaction
                  where order_id in (select order_id from order_cart where cart_id = ?)) as ledger_nets_to_zero`,
        [z, z, z, z]
      )
      expect(state[0]).toMatchObject({ completed_at: null, vendor_orders: 0, ledger_nets_to_zero: true })
      expect(state[0].ledger_rows).toBeGreaterThan(0)
      expect(await companyOrders(company.id)).toHaveLength(1)
      const retried = await expectOrder(ben, z)
      expect((await companyOrders(company.id)).map((r: any) => r.order_id)).toContain(retried.id)
      expect(await companyOrders(company.id)).toHaveLength(2)
    })

    it("approvals: needed above the threshold, the cart frozen while pending, rejected and approved by e-mail, voided by a change, no self-approval, one decision", async () => {
      const { anna, ben, carla, company } = await acme()
      expect(
        (await api.post("/store/companies/me/approval-settings", { currency_code: "EUR", approval_threshold: 50 }, anna)).data
      ).toEqual({
        approval_settings: { currency_code: "eur", approval_threshold: 50 },
      })
      // Only admins set the rule; every employee sees it.
      expect(
        (await api.post("/store/companies/me/approval-settings", { currency_code: "eur", approval_threshold: 1 }, { ...carla, ...noThrow }))
          .status
      ).toBe(403)
      expect((await api.get("/store/companies/me", ben)).data.approval_settings).toEqual({ currency_code: "eur", approval_threshold: 50 })

      const cart = await lampCart(ben)
      await expectRefused(
        ben,
        cart,
        `Carts above EUR 50.00 need an approval from your company: ask for one with POST /store/carts/${cart}/approvals.`
      )
      const asked = (await api.post(`/store/carts/${cart}/approvals`, {}, ben)).data.approval
      expect(asked).toMatchObject({
        cart_id: cart,
        status: "pending",
        cart_total: 54.85,
        currency_code: "eur",
        decided_by: null,
        note: null,
      })
      // Approvers and admins hear of it, the requester does not.
      const requested = await waitFor(
        () => mailsTo([anna.email, carla.email, ben.email] as never, "company-approval-requested"),
        (m) => m.length === 2
      )
      expect(requested.map((m: any) => m.to).sort()).toEqual([anna.email, carla.email])
      expect(requested[0].data).toMatchObject({ company_name: "Acme Procurement GmbH", cart_total: 54.85, currency_code: "eur" })

      // Pending: the cart cannot change (Medusa's routes and Lilium's), and cannot complete; a second request is 409.
      for (const [path, body] of [
        [`/store/carts/${cart}/line-items`, { variant_id: lamp(), quantity: 1 }],
        [`/store/carts/${cart}`, { email: "other@acme.example" }],
        [`/store/carts/${cart}/line-items/bulk`, { items: [{ variant_id: lamp(), quantity: 1 }] }],
      ] as const) {
        const res = await api.post(path, body, { ...ben, ...noThrow })
        expect([path, res.status, res.data.message]).toEqual([
          path,
          409,
          "This cart is waiting for approval and cannot be changed until an approver of your company decides.",
        ])
      }
      expect((await api.get(`/store/carts/${cart}`, ben)).data.cart).toMatchObject({ total: 54.85, email: ben.email })
      await expectRefused(ben, cart, "This cart is waiting for approval; it can be completed once an approver of your company approves it.")
      expect((await api.post(`/store/carts/${cart}/approvals`, {}, { ...ben, ...noThrow })).status).toBe(409)

      // A buyer cannot list or decide; the approver sees the request with the cart's lines and the requester.
      expect((await api.get("/store/companies/me/approvals", { ...ben, ...noThrow })).status).toBe(403)
      expect((await api.post(`/store/companies/me/approvals/${asked.id}/approve`, {}, { ...ben, ...noThrow })).status).toBe(403)
      const list = (await api.get("/store/companies/me/approvals?status=pending", carla)).data
      expect(list.count).toBe(1)
      expect(list.approvals[0]).toMatchObject({
        id: asked.id,
        requester: { email: ben.email },
        items: [{ quantity: 1, unit_price: 49.9 }],
      })

      // Rejected with a note: Ben is told, the cart is his to change again.
      const rejected = (await api.post(`/store/companies/me/approvals/${asked.id}/reject`, { note: "Use the old lamp" }, carla)).data
        .approval
      expect(rejected).toMatchObject({ status: "rejected", note: "Use the old lamp", decided_by: expect.stringMatching(/^cemp_/) })
      const rejectedMail = await waitFor(
        () => mailsTo(ben.email, "company-approval-decided"),
        (m) => m.length === 1
      )
      expect(rejectedMail[0].data).toMatchObject({ status: "rejected", note: "Use the old lamp", cart_total: 54.85 })
      expect((await api.post(`/store/companies/me/approvals/${asked.id}/approve`, {}, { ...carla, ...noThrow })).data.message).toBe(
        "This approval is already rejected."
      )

      // Asked again and approved; then Ben adds a second lamp: the approval no longer covers the cart.
      const second = (await api.post(`/store/carts/${cart}/approvals`, {}, ben)).data.approval
      expect(second.id).not.toBe(asked.id)
      const approved = (await api.post(`/store/companies/me/approvals/${second.id}/approve`, { note: "ok" }, carla)).data.approval
      expect(approved).toMatchObject({ status: "approved", note: "ok" })
      const approvedMail = await waitFor(
        () => mailsTo(ben.email, "company-approval-decided"),
        (m) => m.length === 2
      )
      expect(approvedMail.map((m: any) => m.data.status).sort()).toEqual(["approved", "rejected"])
      await api.post(`/store/carts/${cart}/line-items`, { variant_id: lamp(), quantity: 1 }, ben)
      expect((await api.get(`/store/carts/${cart}`, ben)).data.cart.total).toBe(104.75)
      await payAgain(ben, cart)
      await expectRefused(
        ben,
        cart,
        "This cart changed after it was approved, so the approval no longer covers it; ask for a new approval."
      )
      const history = (await api.get(`/store/carts/${cart}/approvals`, ben)).data.approvals
      expect(history.map((a: any) => [a.id, a.status])).toEqual([
        [second.id, "voided"],
        [asked.id, "rejected"],
      ])

      // The third request covers 104.75. Carla approving and Anna rejecting at the same moment: one decision wins.
      const third = (await api.post(`/store/carts/${cart}/approvals`, {}, ben)).data.approval
      expect(third.cart_total).toBe(104.75)
      const race = await Promise.all([
        api.post(`/store/companies/me/approvals/${third.id}/approve`, {}, { ...carla, ...noThrow }),
        api.post(`/store/companies/me/approvals/${third.id}/reject`, {}, { ...anna, ...noThrow }),
      ])
      expect(race.map((r) => r.status).sort()).toEqual([200, 409])
      const winner = race.find((r) => r.status === 200)!.data.approval.status
      if (winner === "rejected") {
        const fourth = (await api.post(`/store/carts/${cart}/approvals`, {}, ben)).data.approval
        await api.post(`/store/companies/me/approvals/${fourth.id}/approve`, {}, carla)
      }
      const order = await expectOrder(ben, cart)
      expect((await companyOrders(company.id)).map((r: any) => [r.order_id, r.total])).toEqual([[order.id, "104.75"]])

      // Nobody approves their own cart, admins included.
      const annas = await lampCart(anna)
      const own = (await api.post(`/store/carts/${annas}/approvals`, {}, anna)).data.approval
      const self = await api.post(`/store/companies/me/approvals/${own.id}/approve`, {}, { ...anna, ...noThrow })
      expect([self.status, self.data.message]).toEqual([
        403,
        "You cannot decide on your own cart; another approver or admin of your company must.",
      ])
      // Below the threshold nobody needs to ask.
      await api.post("/store/companies/me/approval-settings", { currency_code: "eur", approval_threshold: 60 }, anna)
      const small = await lampCart(ben)
      const needless = await api.post(`/store/carts/${small}/approvals`, {}, { ...ben, ...noThrow })
      expect([needless.status, needless.data.message]).toEqual([
        400,
        "This cart (EUR 54.85) is not above the approval threshold of EUR 60.00; it needs no approval.",
      ])
      await expectOrder(ben, small)
    })
  },
})
