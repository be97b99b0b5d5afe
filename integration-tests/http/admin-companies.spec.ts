import { liliumIntegrationTestRunner } from "../helpers/runner"
import { readyCart, registerCustomer } from "../helpers/store"
import { noThrow } from "../helpers/poll"
import { diffSnapshots, snapshotDb } from "../helpers/db-snapshot"
import { capturedOrder, vendorOrdersByHandle } from "../helpers/vendor-order-flow"

/**
 * Issue 18, item 5 (the operator): GET /admin/companies with filters, search,
 * order, fields and pages; the detail with employees, orders and spend to the
 * cent (real checkouts by employees, a real refund, a month moved in the
 * database rather than waited for); the orders list; the customer and order
 * widgets' routes; every operator change in the audit trail, none for a
 * no-op, and bad input 400 with nothing written.
 */
type Headers = { headers: Record<string, string> }

liliumIntegrationTestRunner({
  testSuite: ({ api, basics, catalog, storeHeaders, adminHeaders, dbConnection }) => {
    const asCustomer = async (email: string): Promise<Headers & { email: string; token: string }> => {
      const { token } = await registerCustomer(api, storeHeaders(), email)
      return { email, token, headers: { ...storeHeaders().headers, authorization: `Bearer ${token}` } }
    }
    const customerIdOf = async (h: Headers) => (await api.get("/store/customers/me", h)).data.customer.id as string
    const found = async (who: Headers, body: Record<string, string>) => (await api.post("/store/companies", body, who)).data.company
    const list = async (query: string) => (await api.get(`/admin/companies?${query}`, await adminHeaders())).data
    const names = async (query: string) => (await list(query)).companies.map((c: any) => c.name)
    const status = async (url: string) => (await api.get(url, { ...(await adminHeaders()), ...noThrow })).status
    const auditOf = async (companyId: string) =>
      (await api.get(`/admin/audit-log?target_type=company&target_id=${companyId}&limit=100`, await adminHeaders())).data.audit_entries

    /** A snapshot once subscribers (e-mails, the order.placed and refund ones) have stopped writing: two equal in a row. */
    const settledSnapshot = async () => {
      let last = await snapshotDb(dbConnection)
      for (let i = 0; i < 50; i++) {
        await new Promise((r) => setTimeout(r, 200))
        const next = await snapshotDb(dbConnection)
        if (!diffSnapshots(last, next).length) return next
        last = next
      }
      throw new Error("the database kept changing")
    }

    it("lists companies filtered by status and payment terms, searched by name, e-mail or tax id, ordered, paged, with allowed fields only", async () => {
      const admin = await adminHeaders()
      const acme = await found(await asCustomer("anna@acme.example"), {
        name: "Acme Procurement GmbH",
        email: "buying@acme.example",
        tax_id: "DE123456789",
      })
      const other = await found(await asCustomer("otto@other.example"), {
        name: "Other Corp",
        email: "buy@other.example",
        tax_id: "12-3456789",
      })
      const zeta = await found(await asCustomer("zoe@zeta.example"), { name: "Zeta_100% Supplies", email: "zeta@zeta.example" })
      await api.post(`/admin/companies/${other.id}`, { status: "suspended", payment_terms: "net_30" }, admin)
      await api.post(`/admin/companies/${acme.id}`, { payment_terms: "net_30" }, admin)

      // Newest first by default.
      expect(await names("")).toEqual(["Zeta_100% Supplies", "Other Corp", "Acme Procurement GmbH"])
      expect(await names("status=suspended")).toEqual(["Other Corp"])
      expect(await names("status=active&status=suspended")).toHaveLength(3)
      expect(await names("payment_terms=net_30")).toEqual(["Other Corp", "Acme Procurement GmbH"])
      expect(await names("payment_terms=net_30&status=active")).toEqual(["Acme Procurement GmbH"])
      expect(await names("payment_terms=prepaid&payment_terms=net_60")).toEqual(["Zeta_100% Supplies"])
      // Search: name, e-mail, tax id (typed with spaces and dots), any case; % and _ are literal.
      expect(await names("q=ACME")).toEqual(["Acme Procurement GmbH"])
      expect(await names("q=buy%40OTHER")).toEqual(["Other Corp"])
      expect(await names(`q=${encodeURIComponent("de 123.456")}`)).toEqual(["Acme Procurement GmbH"])
      expect(await names("q=12-3456")).toEqual(["Other Corp"])
      expect(await names("q=%25")).toEqual(["Zeta_100% Supplies"])
      expect(await names("q=_")).toEqual(["Zeta_100% Supplies"])
      expect(await names("q=nobody")).toEqual([])
      expect(await names("q=")).toHaveLength(3)
      // Order and pages (count is the whole match).
      expect(await names("order=name")).toEqual(["Acme Procurement GmbH", "Other Corp", "Zeta_100% Supplies"])
      expect(await names("order=-name")).toEqual(["Zeta_100% Supplies", "Other Corp", "Acme Procurement GmbH"])
      const page1 = await list("order=name&limit=2")
      expect([page1.count, page1.offset, page1.limit, page1.companies.map((c: any) => c.id)]).toEqual([3, 0, 2, [acme.id, other.id]])
      const page2 = await list("order=name&limit=2&offset=2")
      expect([page2.count, page2.offset, page2.limit, page2.companies.map((c: any) => c.id)]).toEqual([3, 2, 2, [zeta.id]])
      // The default fields are the company's own; fields narrows them.
      expect(Object.keys(page1.companies[0]).sort()).toEqual(
        [
          "id",
          "name",
          "email",
          "phone",
          "tax_id",
          "status",
          "payment_terms",
          "credit_limit",
          "currency_code",
          "timezone",
          "customer_group_id",
          "created_at",
          "updated_at",
        ].sort()
      )
      const narrow = await list("fields=id,name,status&order=name")
      expect(narrow.companies).toEqual([
        { id: acme.id, name: "Acme Procurement GmbH", status: "active" },
        { id: other.id, name: "Other Corp", status: "suspended" },
        { id: zeta.id, name: "Zeta_100% Supplies", status: "active" },
      ])
      // Refused queries: 400 with the reason.
      for (const [query, message] of [
        ["fields=id,employees.*", /Fields not allowed here: employees\.\*/],
        ["fields=customer_group.name", /Fields not allowed here: customer_group\.name/],
        ["fields=*orders", /Fields not allowed here: \*orders/],
        ["order=customer_group_id", /order must be one of created_at/],
        ["status=deleted", /status/],
        ["payment_terms=net_90", /payment_terms/],
        ["limit=101", /limit/],
        ["offset=-1", /offset/],
        ["with_deleted=true", /with_deleted/],
        ["token=abc", /token/],
      ] as const) {
        const res = await api.get(`/admin/companies?${query}`, { ...admin, ...noThrow })
        expect({ query, status: res.status, message: res.data.message }).toEqual({
          query,
          status: 400,
          message: expect.stringMatching(message),
        })
      }
      expect((await api.get("/admin/companies", noThrow)).status).toBe(401)
    })

    it("detail with employees, orders and spend net of refunds to the cent; orders list; widget routes; every operator change audited, bad input 400 with nothing written", async () => {
      const admin = await adminHeaders()
      const anna = await asCustomer("anna@acme.example")
      const ben = await asCustomer("ben@acme.example")
      const loner = await asCustomer("lone@else.example")
      const [annaId, benId, lonerId] = [await customerIdOf(anna), await customerIdOf(ben), await customerIdOf(loner)]
      const company = await found(anna, { name: "Acme Procurement GmbH", email: "buying@acme.example" })
      const { token } = (await api.post("/store/companies/me/invites", { email: ben.email, role: "buyer" }, anna)).data
      await api.post("/store/companies/invites/accept", { token }, ben)

      // A company without orders: the employees, nothing spent.
      const empty = (await api.get(`/admin/companies/${company.id}`, admin)).data.company
      expect(empty.employees.map((e: any) => [e.customer.email, e.customer.first_name, e.role])).toEqual([
        ["anna@acme.example", "Erika", "admin"],
        ["ben@acme.example", "Erika", "buyer"],
      ])
      const zero = { order_count: 0, total: 0, refunded_total: 0, net_total: 0 }
      expect([empty.order_count, empty.recent_orders, empty.spend]).toEqual([
        0,
        [],
        { currency_code: "eur", timezone: "UTC", month_start: expect.any(String), this_month: zero, all_time: zero },
      ])
      const now = new Date()
      expect(empty.spend.month_start).toBe(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString())

      // Two real checkouts by the employees: Ben 2 lamps (2 × 49.90 + 4.95) and paper (6.45 + 4.95) = 116.15; Anna one chair 289 + 4.95 = 293.95.
      const eur = basics().regions.find((r) => r.currency_code === "eur")!
      const variant = (handle: string) => catalog().products.find((p) => p.handle === handle)!.variant_id
      const checkout = async (who: Headers & { email: string; token: string }, lines: [string, number][]) => {
        const cart = await readyCart(api, storeHeaders(), {
          region_id: eur.id,
          email: who.email,
          customerToken: who.token,
          lines: lines.map(([handle, quantity]) => ({ variant_id: variant(handle), quantity })),
        })
        const done = await api.post(`/store/carts/${cart.id}/complete`, {}, who)
        expect(done.data.type).toBe("order")
        return done.data.order
      }
      const benOrder = await checkout(ben, [
        ["desk-lamp", 2],
        ["paper-a4-500", 1],
      ])
      const annaOrder = await checkout(anna, [["oak-office-chair", 1]])
      // The operator refunds 10.05 of Ben's lamps once the payment is captured.
      await capturedOrder(api, admin, benOrder.id)
      const lamp = (await vendorOrdersByHandle(api, admin, benOrder.id))["lumen-office-lighting"]
      await api.post(`/admin/vendor-orders/${lamp.id}/refunds`, { amount: 10.05, note: "Scratched lamp" }, admin)

      const detail = (await api.get(`/admin/companies/${company.id}`, admin)).data.company
      const annaRow = {
        id: expect.stringMatching(/^cord_/),
        company_id: company.id,
        order_id: annaOrder.id,
        display_id: annaOrder.display_id,
        placed_at: expect.any(String),
        currency_code: "eur",
        total: 293.95,
        refunded_total: 0,
        net_total: 293.95,
        employee: {
          id: empty.employees[0].id,
          role: "admin",
          removed: false,
          customer: { id: annaId, email: "anna@acme.example", first_name: "Erika", last_name: "Muster" },
        },
      }
      const benRow = {
        ...annaRow,
        order_id: benOrder.id,
        display_id: benOrder.display_id,
        total: 116.15,
        refunded_total: 10.05,
        net_total: 106.1,
        employee: {
          id: empty.employees[1].id,
          role: "buyer",
          removed: false,
          customer: { id: benId, email: "ben@acme.example", first_name: "Erika", last_name: "Muster" },
        },
      }
      expect(detail.order_count).toBe(2)
      expect(detail.recent_orders).toEqual([annaRow, benRow])
      const both = { order_count: 2, total: 410.1, refunded_total: 10.05, net_total: 400.05 }
      expect([detail.spend.this_month, detail.spend.all_time]).toEqual([both, both])

      // The whole list, paged.
      const first = (await api.get(`/admin/companies/${company.id}/orders?limit=1`, admin)).data
      expect([first.count, first.offset, first.limit, first.orders]).toEqual([2, 0, 1, [annaRow]])
      const second = (await api.get(`/admin/companies/${company.id}/orders?limit=1&offset=1`, admin)).data
      expect(second.orders).toEqual([benRow])
      expect(await status(`/admin/companies/comp_missing/orders`)).toBe(404)
      expect(await status(`/admin/companies/${company.id}/orders?limit=0`)).toBe(400)

      // Ben's order placed two months ago (moved in the database): last month's orders are not this month's spend.
      const earlier = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 15, 12))
      await dbConnection.raw(`update company_order set placed_at = ? where order_id = ?`, [earlier, benOrder.id])
      const moved = (await api.get(`/admin/companies/${company.id}`, admin)).data.company.spend
      expect([moved.this_month, moved.all_time]).toEqual([{ order_count: 1, total: 293.95, refunded_total: 0, net_total: 293.95 }, both])

      // The widgets' routes: a customer's company and role, an order's buying company.
      const benCompany = (await api.get(`/admin/customers/${benId}/company`, admin)).data
      expect(benCompany).toEqual({
        company: {
          id: company.id,
          name: "Acme Procurement GmbH",
          email: "buying@acme.example",
          status: "active",
          payment_terms: "prepaid",
          currency_code: "eur",
        },
        employee: expect.objectContaining({ id: empty.employees[1].id, company_id: company.id, customer_id: benId, role: "buyer" }),
      })
      expect((await api.get(`/admin/customers/${lonerId}/company`, admin)).data).toEqual({ company: null, employee: null })
      expect(await status(`/admin/customers/cus_missing/company`)).toBe(404)
      const bought = (await api.get(`/admin/orders/${annaOrder.id}/company`, admin)).data
      expect(bought).toEqual({ company: benCompany.company, company_order: annaRow })
      expect(await status(`/admin/orders/order_missing/company`)).toBe(404)

      // Operator changes: each one audited with the changed fields, by the operator, with the request id; a no-op records nothing.
      const userId = (await api.get("/admin/users/me", admin)).data.user.id
      const withId = (id: string) => ({ headers: { ...admin.headers, "x-request-id": id } })
      const suspended = (await api.post(`/admin/companies/${company.id}`, { status: "suspended" }, withId("req-company-suspend"))).data
        .company
      expect(suspended).toMatchObject({ id: company.id, status: "suspended", order_count: 2 })
      await api.post(`/admin/companies/${company.id}`, { payment_terms: "net_30", credit_limit: 5000.5 }, admin)
      await api.post(`/admin/companies/${company.id}`, { payment_terms: "net_30", credit_limit: 5000.5 }, admin)
      await api.post(`/admin/companies/${company.id}`, { status: "active", credit_limit: null }, admin)
      const entries = (await auditOf(company.id)).reverse()
      expect(entries.map((e: any) => [e.action, e.before, e.after])).toEqual([
        ["company.suspended", { status: "active", currency_code: "eur" }, { status: "suspended", currency_code: "eur" }],
        [
          "company.updated",
          { payment_terms: "prepaid", credit_limit: null, currency_code: "eur" },
          { payment_terms: "net_30", credit_limit: 5000.5, currency_code: "eur" },
        ],
        [
          "company.reactivated",
          { status: "suspended", credit_limit: 5000.5, currency_code: "eur" },
          { status: "active", credit_limit: null, currency_code: "eur" },
        ],
      ])
      expect(entries[0]).toMatchObject({
        actor_type: "user",
        actor_id: userId,
        vendor_id: null,
        target_type: "company",
        target_id: company.id,
        request_id: "req-company-suspend",
      })

      // Bad input: 400 (404 for an unknown company), nothing written, nothing audited.
      const before = await settledSnapshot()
      for (const body of [
        { credit_limit: 1.005 },
        { credit_limit: -5 },
        { credit_limit: "lots" },
        { status: "closed" },
        { payment_terms: "net_90" },
        { name: "Renamed" },
        { status: "suspended", currency_code: "usd" },
      ]) {
        const res = await api.post(`/admin/companies/${company.id}`, body, { ...admin, ...noThrow })
        expect({ body, status: res.status }).toEqual({ body, status: 400 })
      }
      expect((await api.post(`/admin/companies/comp_missing`, { status: "suspended" }, { ...admin, ...noThrow })).status).toBe(404)
      expect(diffSnapshots(before, await snapshotDb(dbConnection))).toEqual([])
      expect(await auditOf(company.id)).toHaveLength(3)
    })
  },
})
