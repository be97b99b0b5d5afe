import { MathBN, Modules } from "@medusajs/framework/utils"
import { liliumIntegrationTestRunner } from "../helpers/runner"
import { readyCart, registerCustomer } from "../helpers/store"
import { bearer } from "../helpers/vendor"
import { noThrow } from "../helpers/poll"
import { deliverVendorOrder, vendorOrdersByHandle } from "../helpers/vendor-order-flow"
import { captureOrderPaymentWorkflow } from "../../src/workflows/vendor-order/workflows/capture-order-payment"
import { sendOverdueInvoiceReminders } from "../../src/workflows/invoice/workflows/send-invoice-reminders"

/**
 * Issue 19, payment by invoice (items 3, 4 and the invoice half of 5), through
 * the Store and Admin APIs with real tokens and real checkouts on
 * pp_invoice_invoice: the provider offered only to companies on payment terms,
 * the credit limit under a lock per company, the order placed unpaid with its
 * due date, the vendors' money held until mark-invoice-paid, a rejection before
 * payment as a credit, the overdue list and reminders (time moved in the
 * database, never slept) and the operator's receivables.
 * Demo catalog: Lumen's desk lamp 49.90 EUR + 4.95 shipping to Germany = 54.85;
 * Papyrus' A4 paper 6.45 + 4.95 shipping.
 */
type Who = { headers: Record<string, string>; email: string; token: string }
const INVOICE = "pp_invoice_invoice"
const LAMP_CART = 54.85
const NOT_OFFERED = "Payment by invoice is only for employees of companies that buy on payment terms; choose another payment method."
const cents = (n: number) => Math.round(n * 100)

liliumIntegrationTestRunner({
  env: { MARKETPLACE_PAYOUT_HOLD_DAYS: "0" },
  testSuite: ({ api, basics, catalog, storeHeaders, adminHeaders, dbConnection, getContainer }) => {
    const asCustomer = async (email: string): Promise<Who> => {
      const { token } = await registerCustomer(api, storeHeaders(), email)
      return { email, token, headers: { ...storeHeaders().headers, authorization: `Bearer ${token}` } }
    }
    const eurRegion = () => basics().regions.find((r) => r.currency_code === "eur")!.id
    const variant = (handle: string) => catalog().products.find((p) => p.handle === handle)!.variant_id
    const vendorId = (handle: string) => catalog().vendors.find((v) => v.handle === handle)!.id
    const vendorLogin = async (handle: string) => {
      const email = catalog().vendors.find((v) => v.handle === handle)!.email
      return bearer((await api.post("/auth/vendor/emailpass", { email, password: "lilium-vendor" })).data.token)
    }
    const cart = async (who: Who, lines = [{ variant_id: variant("desk-lamp"), quantity: 1 }], provider_id = INVOICE) =>
      (await readyCart(api, storeHeaders(), { region_id: eurRegion(), email: who.email, customerToken: who.token, lines, provider_id })).id
    const complete = (who: Who, cartId: string) => api.post(`/store/carts/${cartId}/complete`, {}, { ...who, ...noThrow })
    const providers = async (who?: Who) => (await api.get(`/store/payment-providers?region_id=${eurRegion()}`, who ?? storeHeaders())).data
    const invoiceRow = async (orderId: string) =>
      (
        await dbConnection.raw(
          `select id, invoice_status, payment_terms, payment_due_at, placed_at, amount_due::text, amount_credited::text,
                  payment_reference, paid_at, reminded_at
             from company_order where order_id = ?`,
          [orderId]
        )
      ).rows[0]
    /** The order's payments (live and canceled) with what was captured and refunded, from Medusa's tables. */
    const payments = async (orderId: string) =>
      (
        await dbConnection.raw(
          `select p.provider_id, p.amount::text, p.canceled_at is not null as canceled,
                  coalesce((select sum(c.amount) from capture c where c.payment_id = p.id and c.deleted_at is null), 0)::text as captured,
                  coalesce((select sum(r.amount) from refund r where r.payment_id = p.id and r.deleted_at is null), 0)::text as refunded
             from payment p
             join order_payment_collection opc on opc.payment_collection_id = p.payment_collection_id and opc.deleted_at is null
            where opc.order_id = ? and p.deleted_at is null
            order by p.created_at`,
          [orderId]
        )
      ).rows
    const balance = async (headers: any) =>
      (await api.get("/vendor/balance", headers)).data.balances.find((b: any) => b.currency_code === "eur") ?? {
        pending: 0,
        available: 0,
      }

    /** Anna founds Acme (admin), Ben joins as buyer; the operator puts Acme on `terms` with `credit_limit`. */
    const acme = async (terms: string | null, credit_limit: number | null = null) => {
      const admin = await adminHeaders()
      const anna = await asCustomer("anna@acme.example")
      const ben = await asCustomer("ben@acme.example")
      const company = (await api.post("/store/companies", { name: "Acme Procurement GmbH", email: "buying@acme.example" }, anna)).data
        .company
      const { token } = (await api.post("/store/companies/me/invites", { email: ben.email, role: "buyer" }, anna)).data
      await api.post("/store/companies/invites/accept", { token }, ben)
      if (terms) await api.post(`/admin/companies/${company.id}`, { payment_terms: terms, credit_limit }, admin)
      return { admin, anna, ben, company }
    }

    it("offers pp_invoice_invoice only to employees of companies on payment terms: list, payment session and checkout", async () => {
      const { admin, anna, company } = await acme(null)
      const outsider = await asCustomer("olga@outside.example")
      const ids = (r: any) => r.payment_providers.map((p: any) => p.id).sort()

      // Prepaid company, a customer in no company, a guest: the region's list without the invoice.
      for (const who of [anna, outsider, undefined]) {
        const r = await providers(who)
        expect([ids(r), r.count]).toEqual([["pp_system_default"], 1])
      }
      // A session with it is 400 for each of them, before anything is stored.
      const sessionFor = async (who: Who | undefined) => {
        const c = await readyCart(api, storeHeaders(), {
          region_id: eurRegion(),
          email: who?.email,
          customerToken: who?.token,
          lines: [{ variant_id: variant("desk-lamp"), quantity: 1 }],
        })
        const { payment_collection } = (await api.post("/store/payment-collections", { cart_id: c.id }, who ?? storeHeaders())).data
        const res = await api.post(
          `/store/payment-collections/${payment_collection.id}/payment-sessions`,
          { provider_id: INVOICE },
          { ...(who ?? storeHeaders()), ...noThrow }
        )
        return { res, cartId: c.id as string }
      }
      for (const who of [anna, outsider, undefined]) {
        const { res } = await sessionFor(who)
        expect([res.status, res.data.type, res.data.message]).toEqual([400, "not_allowed", NOT_OFFERED])
      }

      // On net_30 Acme's employees see it and may open a session.
      await api.post(`/admin/companies/${company.id}`, { payment_terms: "net_30" }, admin)
      expect(ids(await providers(anna))).toEqual([INVOICE, "pp_system_default"])
      expect(ids(await providers(outsider))).toEqual(["pp_system_default"])
      const cartId = await cart(anna)

      // Back to prepaid before the checkout: the checkout refuses it too (defence in depth), no order, cart open.
      await api.post(`/admin/companies/${company.id}`, { payment_terms: "prepaid" }, admin)
      const res = await complete(anna, cartId)
      expect([res.status, res.data.type, res.data.message]).toEqual([400, "not_allowed", NOT_OFFERED])
      const open = await dbConnection.raw(`select completed_at from cart where id = ?`, [cartId])
      expect(open.rows[0].completed_at).toBeNull()
    })

    it("places an invoice order unpaid with its due date, holds the vendor's money until mark-invoice-paid, then pays it out to the cent", async () => {
      const { admin, anna, company } = await acme("net_30", 100)
      const lumen = await vendorLogin("lumen-office-lighting")
      await api.post(
        "/vendor/payout-account",
        { provider: "manual", details: { account_holder: "Lumen GmbH", iban: "DE89 3704 0044 0532 0130 00" } },
        lumen
      )

      const res = await complete(anna, await cart(anna))
      expect([res.status, res.data.type]).toEqual([200, "order"])
      const order = res.data.order
      expect(order.total).toBe(LAMP_CART)

      // Placed unpaid: the order.placed capture leaves an invoice payment alone (run here directly, so no race with the subscriber).
      await captureOrderPaymentWorkflow(getContainer()).run({ input: { order_id: order.id } })
      expect(await payments(order.id)).toEqual([{ provider_id: INVOICE, amount: "54.85", canceled: false, captured: "0", refunded: "0" }])
      const inv = await invoiceRow(order.id)
      expect(inv).toMatchObject({ invoice_status: "open", payment_terms: "net_30", amount_due: "54.85", amount_credited: "0" })
      expect(new Date(inv.payment_due_at).getTime() - new Date(inv.placed_at).getTime()).toBe(30 * 86_400_000)
      const { order: read } = (await api.get(`/admin/orders/${order.id}?fields=metadata,payment_status`, admin)).data
      expect(read.metadata.payment_due_at).toBe(new Date(inv.payment_due_at).toISOString())
      expect(read.payment_status).toBe("authorized")

      // Credit limit 100: 54.85 open + another 54.85 = 109.70 is refused, nothing written.
      const second = await cart(anna)
      const refused = await complete(anna, second)
      expect([refused.status, refused.data.type, refused.data.message]).toEqual([
        400,
        "not_allowed",
        "This order (EUR 54.85) would take Acme Procurement GmbH's open invoices to EUR 109.70, above its credit limit of EUR 100.00 (EUR 45.15 left). Pay open invoices first or choose another payment method.",
      ])
      expect((await dbConnection.raw(`select count(*)::int as n from company_order where company_id = ?`, [company.id])).rows[0].n).toBe(1)

      // Lumen delivers (hold 0): nothing is available, and a payout run pays Lumen nothing.
      const vo = (await vendorOrdersByHandle(api, admin, order.id))["lumen-office-lighting"]
      await deliverVendorOrder(api, lumen, vo.id)
      const held = await balance(lumen)
      expect(held.available).toBe(0)
      expect(cents(held.pending)).toBe(cents(vo.net_total))
      const run1 = (await api.post("/admin/payout-runs", {}, admin)).data.payout_run
      expect(run1.payouts.filter((p: any) => p.vendor_id === vendorId("lumen-office-lighting"))).toEqual([])

      // mark-invoice-paid: reference required; unknown order 404; an order not paid by invoice 400.
      const url = `/admin/orders/${order.id}/mark-invoice-paid`
      const noRef = await api.post(url, {}, { ...admin, ...noThrow })
      expect(noRef.status).toBe(400)
      const blank = await api.post(url, { reference: "   " }, { ...admin, ...noThrow })
      expect(blank.status).toBe(400)
      for (const body of [{ reference: "x".repeat(201) }, { reference: 42 }, { reference: "ok", amount: 1 }]) {
        expect((await api.post(url, body, { ...admin, ...noThrow })).status).toBe(400)
      }
      // The credit limit takes the money-input rules: negative, too large or too precise is 400.
      for (const credit_limit of [-1, 1e12, 10.001]) {
        const bad = await api.post(`/admin/companies/${company.id}`, { credit_limit }, { ...admin, ...noThrow })
        expect([credit_limit, bad.status]).toEqual([credit_limit, 400])
      }
      expect((await api.post(`/admin/orders/order_nope/mark-invoice-paid`, { reference: "x" }, { ...admin, ...noThrow })).status).toBe(404)
      const card = await complete(anna, await cart(anna, [{ variant_id: variant("paper-a4-500"), quantity: 1 }], "pp_system_default"))
      const notInvoice = await api.post(
        `/admin/orders/${card.data.order.id}/mark-invoice-paid`,
        { reference: "x" },
        { ...admin, ...noThrow }
      )
      expect([notInvoice.status, notInvoice.data.message]).toEqual([400, `Order ${card.data.order.id} is not paid by invoice.`])

      // Medusa Admin's own capture button cannot bypass the invoice.
      const paymentId = (
        await dbConnection.raw(
          `select p.id from payment p join order_payment_collection opc on opc.payment_collection_id = p.payment_collection_id where opc.order_id = ?`,
          [order.id]
        )
      ).rows[0].id
      const direct = await api.post(`/admin/payments/${paymentId}/capture`, {}, { ...admin, ...noThrow })
      expect([direct.status, direct.data.message]).toEqual([
        400,
        "An invoice payment is captured when the company's payment is recorded: use POST /admin/orders/:id/mark-invoice-paid {reference}.",
      ])

      const paid = await api.post(url, { reference: "SEPA-2026-0042" }, admin)
      expect(paid.data.invoice).toMatchObject({
        order_id: order.id,
        display_id: order.display_id,
        company: { id: company.id, name: "Acme Procurement GmbH" },
        status: "paid",
        total: 54.85,
        amount_due: 54.85,
        payment_reference: "SEPA-2026-0042",
        currency_code: "eur",
      })
      expect(await payments(order.id)).toEqual([
        { provider_id: INVOICE, amount: "54.85", canceled: false, captured: "54.85", refunded: "0" },
      ])
      const again = await api.post(url, { reference: "SEPA-2026-0042" }, { ...admin, ...noThrow })
      expect(again.status).toBe(409)

      // Audited, once.
      const audit = (await api.get(`/admin/audit-log?action=invoice.paid&limit=100`, admin)).data.audit_entries
      expect(audit.map((e: any) => [e.target_type, e.after.invoice_status, e.after.payment_reference, e.after.amount_due])).toEqual([
        ["invoice", "paid", "SEPA-2026-0042", "54.85"],
      ])

      // Lumen's money is available now, and a payout run pays exactly it.
      const free = await balance(lumen)
      expect([cents(free.available), cents(free.pending)]).toEqual([cents(vo.net_total), 0])
      const run2 = (await api.post("/admin/payout-runs", {}, admin)).data.payout_run
      const payout = run2.payouts.find((p: any) => p.vendor_id === vendorId("lumen-office-lighting"))
      expect(cents(payout.amount)).toBe(cents(vo.net_total))

      // The invoice is paid: the credit is free again and the second cart fits.
      expect((await complete(anna, second)).data.type).toBe("order")
    })

    it("a vendor rejection before payment is a credit: the amount due drops by that vendor order's total, mark paid captures the rest", async () => {
      const { admin, ben } = await acme("net_15")
      const lines = [
        { variant_id: variant("desk-lamp"), quantity: 1 },
        { variant_id: variant("paper-a4-500"), quantity: 2 },
      ]
      const res = await complete(ben, await cart(ben, lines))
      const order = res.data.order
      const split = await vendorOrdersByHandle(api, admin, order.id)
      const paper = split["papyrus-supplies"]
      const lamp = split["lumen-office-lighting"]
      expect(cents(paper.total) + cents(lamp.total)).toBe(cents(order.total))
      const inv = await invoiceRow(order.id)
      expect(new Date(inv.payment_due_at).getTime() - new Date(inv.placed_at).getTime()).toBe(15 * 86_400_000)

      const papyrus = await vendorLogin("papyrus-supplies")
      const rejected = await api.post(`/vendor/orders/${paper.id}/reject`, { reason: "Out of paper" }, { ...papyrus, ...noThrow })
      expect([rejected.status, rejected.data.message]).toEqual([200, undefined])

      const due = MathBN.sub(order.total, paper.total).toFixed(2)
      expect(await invoiceRow(order.id)).toMatchObject({ invoice_status: "open", amount_due: due, amount_credited: String(paper.total) })
      // No money was refunded (none was paid): the first invoice authorization was replaced by one for what is owed.
      const live = (await payments(order.id)).filter((p: any) => !p.canceled)
      expect(live).toEqual([{ provider_id: INVOICE, amount: due, canceled: false, captured: "0", refunded: "0" }])
      expect((await payments(order.id)).every((p: any) => p.refunded === "0")).toBe(true)
      // The vendor order's refunded total is its total, as for any rejection.
      const after = (await vendorOrdersByHandle(api, admin, order.id))["papyrus-supplies"]
      expect(cents(after.refunded_total)).toBe(cents(paper.total))

      const paid = await api.post(`/admin/orders/${order.id}/mark-invoice-paid`, { reference: "BANK-77" }, admin)
      expect(paid.data.invoice).toMatchObject({ status: "paid", amount_due: Number(due), amount_credited: paper.total })
      const captured = (await payments(order.id)).filter((p: any) => !p.canceled)
      expect(captured).toEqual([{ provider_id: INVOICE, amount: due, canceled: false, captured: due, refunded: "0" }])

      // After payment a refund is an ordinary refund of captured money.
      const lumen = await vendorLogin("lumen-office-lighting")
      await api.post(`/vendor/orders/${lamp.id}/reject`, { reason: "Broken" }, lumen)
      const final = (await payments(order.id)).filter((p: any) => !p.canceled)
      expect(final).toEqual([{ provider_id: INVOICE, amount: due, canceled: false, captured: due, refunded: due }])
    })

    it("a return and an operator refund before payment are credits too; the ledger rows stay held until the invoice is paid", async () => {
      const { admin, ben } = await acme("net_30")
      const order = (await complete(ben, await cart(ben, [{ variant_id: variant("paper-a4-500"), quantity: 5 }]))).data.order
      // 5 reams 32.25 + 4.95 shipping.
      expect(order.total).toBe(37.2)
      const papyrus = await vendorLogin("papyrus-supplies")
      const paper = (await vendorOrdersByHandle(api, admin, order.id))["papyrus-supplies"]
      await deliverVendorOrder(api, papyrus, paper.id)
      const before = await balance(papyrus)
      expect([before.available, cents(before.pending)]).toEqual([0, cents(paper.net_total)])

      // 2 reams back (12.90), then 1.00 goodwill: 13.90 credited, 23.30 due, nothing refunded.
      const ret = await api.post(
        `/vendor/orders/${paper.id}/returns`,
        { items: [{ id: paper.items[0].id, quantity: 2 }] },
        { ...papyrus, ...noThrow }
      )
      expect([ret.status, ret.data.message]).toEqual([200, undefined])
      expect(await invoiceRow(order.id)).toMatchObject({ invoice_status: "open", amount_credited: "12.9", amount_due: "24.3" })
      await api.post(`/admin/vendor-orders/${paper.id}/refunds`, { amount: 1, note: "Late delivery" }, admin)
      expect(await invoiceRow(order.id)).toMatchObject({ invoice_status: "open", amount_credited: "13.9", amount_due: "23.3" })
      expect((await payments(order.id)).every((p: any) => p.refunded === "0" && p.captured === "0")).toBe(true)
      // Still nothing available: the refund rows are held with the sale.
      const held = await balance(papyrus)
      expect([held.available, cents(held.pending)]).toEqual([0, cents(MathBN.sub(paper.net_total, 13.9).toNumber())])

      const paid = (await api.post(`/admin/orders/${order.id}/mark-invoice-paid`, { reference: "R-9" }, admin)).data.invoice
      expect([paid.status, paid.amount_due]).toEqual(["paid", 23.3])
      const live = (await payments(order.id)).filter((p: any) => !p.canceled)
      expect(live.map((p: any) => [p.provider_id, p.captured, p.refunded])).toEqual([[INVOICE, "23.3", "0"]])
      const after = await balance(papyrus)
      expect([cents(after.available), after.pending]).toEqual([cents(MathBN.sub(paper.net_total, 13.9).toNumber()), 0])
    })

    it("two employees checking out by invoice at once cannot both pass the company's credit limit (lock per company)", async () => {
      const { anna, ben, company } = await acme("net_60", 60)
      const [a, b] = [await cart(anna), await cart(ben)]
      const results = await Promise.all([complete(anna, a), complete(ben, b)])
      const outcome = results.map((r) => [r.status, r.data.type]).sort()
      expect(outcome).toEqual([
        [200, "order"],
        [400, "not_allowed"],
      ])
      const rows = (
        await dbConnection.raw(`select amount_due::text from company_order where company_id = ? and invoice_status = 'open'`, [company.id])
      ).rows
      expect(rows).toEqual([{ amount_due: "54.85" }])
    })

    it("lists open, overdue and paid invoices, reminds the company's admins of overdue ones once per week, and sums receivables", async () => {
      const { admin, anna, ben, company } = await acme("net_30")
      const o1 = (await complete(ben, await cart(ben))).data.order
      const o2 = (await complete(anna, await cart(anna))).data.order
      await api.post(`/admin/orders/${o2.id}/mark-invoice-paid`, { reference: "R-2" }, admin)
      const list = async (q: string) => (await api.get(`/admin/invoices?${q}`, admin)).data

      expect((await list("status=overdue")).invoices).toEqual([])
      // Time moves: o1 was due yesterday.
      const yesterday = new Date(Date.now() - 86_400_000)
      await dbConnection.raw(`update company_order set payment_due_at = ? where order_id = ?`, [yesterday.toISOString(), o1.id])

      const overdue = await list("status=overdue")
      expect([overdue.count, overdue.invoices.map((i: any) => [i.order_id, i.status, i.amount_due, i.display_id])]).toEqual([
        1,
        [[o1.id, "overdue", LAMP_CART, o1.display_id]],
      ])
      expect((await list("status=open")).invoices.map((i: any) => i.order_id)).toEqual([o1.id])
      expect((await list("status=paid")).invoices.map((i: any) => [i.order_id, i.payment_reference])).toEqual([[o2.id, "R-2"]])
      expect((await list(`company_id=${company.id}&limit=1`)).count).toBe(2)
      expect((await list(`company_id=comp_other`)).count).toBe(0)
      expect((await list("status=overdue&fields=id,status")).invoices).toEqual([{ id: expect.any(String), status: "overdue" }])
      for (const bad of ["status=late", "limit=1000", "fields=company.secret", "order=amount"]) {
        expect([bad, (await api.get(`/admin/invoices?${bad}`, { ...admin, ...noThrow })).status]).toEqual([bad, 400])
      }

      // Receivables per currency: both open until o2 was paid; o1 overdue.
      const { invoices: receivables } = (await api.get("/admin/analytics/invoices", admin)).data
      expect(receivables).toEqual([{ currency_code: "eur", open_count: 1, open_amount: 54.85, overdue_count: 1, overdue_amount: 54.85 }])

      // Reminders: two workers at once send one e-mail to the admin (Anna), not to the buyer.
      const notifications = getContainer().resolve(Modules.NOTIFICATION)
      const mails = () => notifications.listNotifications({ template: "invoice-overdue" })
      const now = new Date()
      const runs = await Promise.all([sendOverdueInvoiceReminders(getContainer(), now), sendOverdueInvoiceReminders(getContainer(), now)])
      expect(runs.map((r) => r.reminded).sort()).toEqual([0, 1])
      const sent = await mails()
      expect(sent.map((m: any) => [m.to, m.data.order_display_id, m.data.amount_due, m.data.days_overdue])).toEqual([
        [anna.email, o1.display_id, LAMP_CART, 1],
      ])
      // Not again within the week; again once the last reminder is 7 days old.
      expect((await sendOverdueInvoiceReminders(getContainer(), new Date(now.getTime() + 6 * 86_400_000))).reminded).toBe(0)
      expect((await sendOverdueInvoiceReminders(getContainer(), new Date(now.getTime() + 7 * 86_400_000))).reminded).toBe(1)
      expect(await mails()).toHaveLength(2)
      // A paid invoice is never reminded.
      await api.post(`/admin/orders/${o1.id}/mark-invoice-paid`, { reference: "R-1" }, admin)
      expect((await sendOverdueInvoiceReminders(getContainer(), new Date(now.getTime() + 30 * 86_400_000))).reminded).toBe(0)
      expect((await api.get("/admin/analytics/invoices", admin)).data.invoices).toEqual([])
    })
  },
})
