import { Modules } from "@medusajs/framework/utils"
import { liliumIntegrationTestRunner } from "../helpers/runner"
import { registerCustomer } from "../helpers/store"
import { noThrow, waitFor } from "../helpers/poll"
import { diffSnapshots, snapshotDb } from "../helpers/db-snapshot"
import { periodStart } from "../../src/lib/spending-period"

/**
 * Issue 18, the foundation: a customer founds a buying company (its admin,
 * with a Medusa customer group holding the employees), invites people by
 * e-mail with a one-time token, and manages roles and spending limits; the
 * last admin stays; another company's employee is 404 with nothing changed;
 * the operator lists, reads and sets status, payment terms and credit limit.
 */
type Headers = { headers: Record<string, string> }

liliumIntegrationTestRunner({
  withCatalog: false,
  testSuite: ({ api, storeHeaders, adminHeaders, dbConnection, getContainer }) => {
    const asCustomer = async (email: string): Promise<Headers & { email: string }> => {
      const { token } = await registerCustomer(api, storeHeaders(), email)
      return { email, headers: { ...storeHeaders().headers, authorization: `Bearer ${token}` } }
    }
    const customerIdOf = async (h: Headers) => (await api.get("/store/customers/me", h)).data.customer.id as string
    const groupMembers = async (groupId: string) => {
      const rows = await dbConnection.raw(
        `select customer_id from customer_group_customer where customer_group_id = ? and deleted_at is null order by customer_id`,
        [groupId]
      )
      return rows.rows.map((r: any) => r.customer_id)
    }
    const inviteMails = (to: string) => getContainer().resolve(Modules.NOTIFICATION).listNotifications({ to, template: "company-invite" })

    // One test: the runner restores the database before each test, which costs seconds on this box.
    it("found, invite, accept, roles, last admin, another company's employee, operator views", async () => {
      const admin = await adminHeaders()
      const anna = await asCustomer("anna@acme.example")
      const ben = await asCustomer("ben@acme.example")
      const mallory = await asCustomer("mallory@else.example")
      const carla = await asCustomer("carla@acme.example")
      const otto = await asCustomer("otto@other.example")
      const annaId = await customerIdOf(anna)
      const benId = await customerIdOf(ben)
      // Registration e-mails go out after the response: let them land before any "nothing written" check.
      const emails = [anna, ben, mallory, carla, otto].map((c) => c.email)
      await waitFor(
        () => getContainer().resolve(Modules.NOTIFICATION).listNotifications({ to: emails, template: "email-verification" }),
        (m) => m.length === emails.length
      )

      // Found a company: the caller is its admin, a customer group holds them.
      const created = await api.post(
        "/store/companies",
        { name: "  Acme Procurement GmbH ", email: "Buying@Acme.example", tax_id: "de 123.456.789", phone: "+49 30 1234567" },
        anna
      )
      const company = created.data.company
      expect(company).toEqual({
        id: expect.stringMatching(/^comp_/),
        name: "Acme Procurement GmbH",
        email: "buying@acme.example",
        phone: "+49 30 1234567",
        tax_id: "DE123456789",
        status: "active",
        payment_terms: "prepaid",
        credit_limit: null,
        currency_code: "eur",
        timezone: "UTC",
        customer_group_id: expect.stringMatching(/^cusgroup_/),
        created_at: expect.any(String),
        updated_at: expect.any(String),
      })
      const group = await getContainer().resolve(Modules.CUSTOMER).retrieveCustomerGroup(company.customer_group_id)
      expect(group.name).toBe(`Acme Procurement GmbH (${company.id})`)
      expect(await groupMembers(company.customer_group_id)).toEqual([annaId])
      const me = (await api.get("/store/companies/me", anna)).data
      expect(me).toEqual({
        company,
        employee: { id: expect.stringMatching(/^cemp_/), role: "admin", spending_limit: null, spending_period: null, spending: null },
        approval_settings: null,
      })

      // A second company by the same customer: 400, nothing written. Bad bodies: 400.
      let before = await snapshotDb(dbConnection)
      const second = await api.post("/store/companies", { name: "Again", email: "a@acme.example" }, { ...anna, ...noThrow })
      expect([second.status, second.data.message]).toEqual([
        400,
        "This customer already belongs to a company; a customer can be an employee of one company only.",
      ])
      const badTax = await api.post("/store/companies", { name: "X", email: "x@x.example", tax_id: "123" }, { ...anna, ...noThrow })
      expect([badTax.status, badTax.data.message]).toEqual([400, expect.stringMatching(/tax_id must be an EU VAT id/)])
      const extra = await api.post("/store/companies", { name: "X", email: "x@x.example", status: "active" }, { ...anna, ...noThrow })
      expect(extra.status).toBe(400)
      expect(diffSnapshots(before, await snapshotDb(dbConnection))).toEqual([])
      expect((await api.post("/store/companies", { name: "X", email: "x@x.example" }, { ...storeHeaders(), ...noThrow })).status).toBe(401)

      // Invite: token once, hash stored, e-mail sent with the link, masked for operators.
      const invited = await api.post(
        "/store/companies/me/invites",
        { email: "Ben@Acme.example", role: "buyer", spending_limit: 250.5, spending_period: "month" },
        anna
      )
      expect(invited.data).toEqual({
        invite: {
          id: expect.stringMatching(/^cinv_/),
          company_id: company.id,
          email: "ben@acme.example",
          role: "buyer",
          spending_limit: 250.5,
          spending_period: "month",
          expires_at: expect.any(String),
          accepted_at: null,
          invited_by: me.employee.id,
          created_at: expect.any(String),
        },
        token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      })
      const token = invited.data.token as string
      const hours = (new Date(invited.data.invite.expires_at).getTime() - Date.now()) / 3600_000
      expect(hours > 71.9 && hours <= 72).toBe(true)
      const stored = (await dbConnection.raw(`select token_hash from company_invite where id = ?`, [invited.data.invite.id])).rows[0]
      expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/)
      expect(stored.token_hash).not.toContain(token)
      const mails = await waitFor(
        () => inviteMails("ben@acme.example"),
        (m) => m.length > 0
      )
      expect(mails.map((m: any) => [m.channel, m.data.company_name, m.data.role, m.data.accept_url])).toEqual([
        ["email", "Acme Procurement GmbH", "buyer", `http://localhost:8000/company-invite?token=${token}`],
      ])
      const logged = (await api.get("/admin/notifications?to=ben%40acme.example", admin)).data.notifications.filter(
        (n: any) => n.template === "company-invite"
      )
      expect(logged.map((n: any) => [n.template, n.data.accept_url, n.data.company_name])).toEqual([
        ["company-invite", "[redacted]", "Acme Procurement GmbH"],
      ])
      expect(JSON.stringify(logged)).not.toContain(token)
      // A limit needs its period; more decimals than EUR has is 400.
      for (const [body, message] of [
        [{ email: "c@acme.example", role: "buyer", spending_limit: 10 }, /spending_period \(order, week or month\) is required/],
        [{ email: "c@acme.example", role: "buyer", spending_limit: 10.001, spending_period: "order" }, /more decimals than EUR allows/],
        [{ email: "c@acme.example", role: "buyer", spending_limit: -1, spending_period: "order" }, /must not be negative/],
        [{ email: "c@acme.example", role: "owner" }, /role/],
      ] as const) {
        const res = await api.post("/store/companies/me/invites", body, { ...anna, ...noThrow })
        expect({ body, status: res.status, message: message.test(res.data.message) }).toEqual({ body, status: 400, message: true })
      }

      // Accept: the wrong customer is 400; the invited one joins with the invite's role and limit; reuse is 400.
      before = await snapshotDb(dbConnection)
      const wrong = await api.post("/store/companies/invites/accept", { token }, { ...mallory, ...noThrow })
      expect([wrong.status, wrong.data.message]).toEqual([
        400,
        "This invite is for ben@acme.example; sign in with that e-mail to accept it.",
      ])
      const unknown = await api.post("/store/companies/invites/accept", { token: "x".repeat(43) }, { ...mallory, ...noThrow })
      expect(unknown.status).toBe(404)
      expect(diffSnapshots(before, await snapshotDb(dbConnection))).toEqual([])
      const accepted = (await api.post("/store/companies/invites/accept", { token }, ben)).data
      expect(accepted.company).toEqual({ ...company, updated_at: expect.any(String) })
      expect(accepted.employee).toEqual({
        id: expect.stringMatching(/^cemp_/),
        company_id: company.id,
        customer_id: benId,
        role: "buyer",
        spending_limit: 250.5,
        spending_period: "month",
        created_at: expect.any(String),
        updated_at: expect.any(String),
      })
      expect(await groupMembers(company.customer_group_id)).toEqual([annaId, benId].sort())
      const reuse = await api.post("/store/companies/invites/accept", { token }, { ...mallory, ...noThrow })
      expect([reuse.status, reuse.data.message]).toEqual([400, "This invite has already been accepted."])

      // An expired invite (time moved in the database) is 400 and adds nobody.
      const late = (await api.post("/store/companies/me/invites", { email: "carla@acme.example", role: "approver" }, anna)).data
      await dbConnection.raw(`update company_invite set expires_at = now() - interval '1 second' where id = ?`, [late.invite.id])
      await waitFor(
        () => inviteMails("carla@acme.example"),
        (m) => m.length > 0
      )
      const expired = await api.post("/store/companies/invites/accept", { token: late.token }, { ...carla, ...noThrow })
      expect([expired.status, expired.data.message]).toEqual([400, "This invite has expired."])
      expect((await api.get("/store/companies/me", { ...carla, ...noThrow })).status).toBe(404)

      // Roles: a buyer reads the company but cannot invite or manage employees (403, nothing written).
      expect((await api.get("/store/companies/me", ben)).data.employee).toEqual({
        id: accepted.employee.id,
        role: "buyer",
        spending_limit: 250.5,
        spending_period: "month",
        // Nothing bought yet this month (the company's zone is UTC).
        spending: { period_start: periodStart("month", "UTC")!.toISOString(), spent: 0, remaining: 250.5, currency_code: "eur" },
      })
      before = await snapshotDb(dbConnection)
      for (const [method, url, body] of [
        ["post", "/store/companies/me/invites", { email: "d@acme.example", role: "admin" }],
        ["get", "/store/companies/me/employees", undefined],
        ["post", `/store/companies/me/employees/${accepted.employee.id}`, { role: "admin" }],
        ["delete", `/store/companies/me/employees/${me.employee.id}`, undefined],
      ] as const) {
        const res =
          method === "get" || method === "delete"
            ? await api[method](url, { ...ben, ...noThrow })
            : await api.post(url, body, { ...ben, ...noThrow })
        expect({ url, method, status: res.status }).toEqual({ url, method, status: 403 })
      }
      // A customer in no company: 404 on the company's routes.
      for (const url of ["/store/companies/me", "/store/companies/me/employees"]) {
        expect({ url, status: (await api.get(url, { ...mallory, ...noThrow })).status }).toEqual({ url, status: 404 })
      }
      expect(diffSnapshots(before, await snapshotDb(dbConnection))).toEqual([])

      // The admin lists employees and sets the buyer's limit (to the cent).
      const list = (await api.get("/store/companies/me/employees", anna)).data
      expect(list.count).toBe(2)
      expect(list.employees.map((e: any) => [e.role, e.customer.email, e.spending_limit, e.spending_period])).toEqual([
        ["admin", "anna@acme.example", null, null],
        ["buyer", "ben@acme.example", 250.5, "month"],
      ])
      const updated = (
        await api.post(`/store/companies/me/employees/${accepted.employee.id}`, { spending_limit: 1234.56, spending_period: "week" }, anna)
      ).data.employee
      expect([updated.role, updated.spending_limit, updated.spending_period]).toEqual(["buyer", 1234.56, "week"])
      const raw = (await dbConnection.raw(`select spending_limit::text as l from company_employee where id = ?`, [updated.id])).rows[0]
      expect(raw.l).toBe("1234.56")
      const cleared = (await api.post(`/store/companies/me/employees/${updated.id}`, { spending_limit: null }, anna)).data.employee
      expect([cleared.spending_limit, cleared.spending_period]).toEqual([null, null])

      // The last admin cannot be demoted or removed (409, nothing changed); with a second admin they can step down.
      before = await snapshotDb(dbConnection)
      const demote = await api.post(`/store/companies/me/employees/${me.employee.id}`, { role: "buyer" }, { ...anna, ...noThrow })
      const remove = await api.delete(`/store/companies/me/employees/${me.employee.id}`, { ...anna, ...noThrow })
      for (const res of [demote, remove]) {
        expect([res.status, res.data.message]).toEqual([
          409,
          "The last admin of a company cannot be removed or demoted; make another employee admin first.",
        ])
      }
      expect(diffSnapshots(before, await snapshotDb(dbConnection))).toEqual([])

      // Another company: its admin cannot touch Acme's employees (404, nothing changed), nor see them.
      const other = (await api.post("/store/companies", { name: "Other Corp", email: "buy@other.example" }, otto)).data.company
      before = await snapshotDb(dbConnection)
      const foreignUpdate = await api.post(
        `/store/companies/me/employees/${accepted.employee.id}`,
        { role: "admin" },
        { ...otto, ...noThrow }
      )
      const foreignDelete = await api.delete(`/store/companies/me/employees/${accepted.employee.id}`, { ...otto, ...noThrow })
      expect([foreignUpdate.status, foreignDelete.status]).toEqual([404, 404])
      expect(diffSnapshots(before, await snapshotDb(dbConnection))).toEqual([])
      const ottoList = (await api.get("/store/companies/me/employees", otto)).data.employees
      expect(ottoList.map((e: any) => e.customer.email)).toEqual(["otto@other.example"])

      // Promote Ben, then Anna may step down; Ben removes Anna, who leaves the group and may found a company again.
      await api.post(`/store/companies/me/employees/${accepted.employee.id}`, { role: "admin" }, anna)
      // Two admins demote each other at the same moment: one wins, the other is refused (409, or 403 once demoted),
      // and the company keeps exactly one admin (the write re-checks under a lock on the company).
      const race = await Promise.all([
        api.post(`/store/companies/me/employees/${accepted.employee.id}`, { role: "buyer" }, { ...anna, ...noThrow }),
        api.post(`/store/companies/me/employees/${me.employee.id}`, { role: "buyer" }, { ...ben, ...noThrow }),
      ])
      const statuses = race.map((r) => r.status).sort()
      expect(statuses[0] === 200 && [403, 409].includes(statuses[1])).toBe(true)
      const admins = (
        await dbConnection.raw(`select id from company_employee where company_id = ? and role = 'admin' and deleted_at is null`, [
          company.id,
        ])
      ).rows.map((r: any) => r.id)
      expect(admins.length).toBe(1)
      const annaWon = admins[0] === me.employee.id
      await api.post(
        `/store/companies/me/employees/${annaWon ? accepted.employee.id : me.employee.id}`,
        { role: "admin" },
        annaWon ? anna : ben
      )
      expect((await api.post(`/store/companies/me/employees/${me.employee.id}`, { role: "approver" }, anna)).data.employee.role).toBe(
        "approver"
      )
      expect((await api.delete(`/store/companies/me/employees/${me.employee.id}`, ben)).data).toEqual({
        id: me.employee.id,
        object: "company_employee",
        deleted: true,
      })
      expect(await groupMembers(company.customer_group_id)).toEqual([benId])
      expect((await api.get("/store/companies/me", { ...anna, ...noThrow })).status).toBe(404)

      // The operator: list with filters and search, detail with employees, settings with exact amounts.
      const all = (await api.get("/admin/companies", admin)).data
      expect([all.count, all.companies.map((c: any) => c.name)]).toEqual([2, ["Other Corp", "Acme Procurement GmbH"]])
      const searched = (await api.get("/admin/companies?q=ACME", admin)).data
      expect(searched.companies.map((c: any) => c.id)).toEqual([company.id])
      const byMail = (await api.get("/admin/companies?q=buy%40other", admin)).data
      expect(byMail.companies.map((c: any) => c.id)).toEqual([other.id])
      const set = (
        await api.post(`/admin/companies/${company.id}`, { status: "suspended", payment_terms: "net_30", credit_limit: 15000.25 }, admin)
      ).data.company
      expect([set.status, set.payment_terms, set.credit_limit]).toEqual(["suspended", "net_30", 15000.25])
      const rawLimit = (await dbConnection.raw(`select credit_limit::text as l from company where id = ?`, [company.id])).rows[0]
      expect(rawLimit.l).toBe("15000.25")
      const detail = (await api.get(`/admin/companies/${company.id}`, admin)).data.company
      expect(detail).toMatchObject({ id: company.id, status: "suspended", payment_terms: "net_30", credit_limit: 15000.25 })
      expect(detail.employees.map((e: any) => [e.customer.email, e.role])).toEqual([["ben@acme.example", "admin"]])
      const suspended = (await api.get("/admin/companies?status=suspended", admin)).data
      expect(suspended.companies.map((c: any) => c.id)).toEqual([company.id])
      before = await snapshotDb(dbConnection)
      for (const body of [{ credit_limit: 1.005 }, { credit_limit: -5 }, { payment_terms: "net_90" }, { name: "Renamed" }]) {
        const res = await api.post(`/admin/companies/${company.id}`, body, { ...admin, ...noThrow })
        expect({ body, status: res.status }).toEqual({ body, status: 400 })
      }
      expect((await api.get("/admin/companies/comp_missing", { ...admin, ...noThrow })).status).toBe(404)
      expect((await api.post("/admin/companies/comp_missing", { status: "active" }, { ...admin, ...noThrow })).status).toBe(404)
      expect(diffSnapshots(before, await snapshotDb(dbConnection))).toEqual([])
      const removed = (await api.post(`/admin/companies/${company.id}`, { credit_limit: null }, admin)).data.company
      expect(removed.credit_limit).toBe(null)
    })

    it("profile and time zone, the customer group renamed; addresses with one default each; invites listed and withdrawn; bad input 400 with nothing written", async () => {
      const anna = await asCustomer("anna@acme.example")
      const ben = await asCustomer("ben@acme.example")
      const company = (await api.post("/store/companies", { name: "Acme", email: "buying@acme.example" }, anna)).data.company
      const { token: benToken } = (await api.post("/store/companies/me/invites", { email: ben.email, role: "buyer" }, anna)).data
      await api.post("/store/companies/invites/accept", { token: benToken }, ben)

      // Admins change the profile; the time zone decides where spending weeks and months start.
      const changed = (
        await api.post("/store/companies/me", { name: "Acme Procurement GmbH", phone: "+49 30 555", timezone: "Europe/Berlin" }, anna)
      ).data.company
      expect(changed).toMatchObject({ id: company.id, name: "Acme Procurement GmbH", phone: "+49 30 555", timezone: "Europe/Berlin" })
      const group = await getContainer().resolve(Modules.CUSTOMER).retrieveCustomerGroup(company.customer_group_id)
      expect(group.name).toBe(`Acme Procurement GmbH (${company.id})`)
      let before = await snapshotDb(dbConnection)
      for (const body of [{ timezone: "Mars/Olympus" }, { status: "suspended" }, { credit_limit: 5 }, { email: "not-an-email" }]) {
        const res = await api.post("/store/companies/me", body, { ...anna, ...noThrow })
        expect({ body, status: res.status }).toEqual({ body, status: 400 })
      }
      expect((await api.post("/store/companies/me", { name: "Ben's" }, { ...ben, ...noThrow })).status).toBe(403)
      expect(diffSnapshots(before, await snapshotDb(dbConnection))).toEqual([])

      // Addresses in Medusa's shape; a second default shipping address takes the flag from the first.
      const site = {
        company: "Acme",
        first_name: "Anna",
        last_name: "Admin",
        address_1: "Werkstraße 1",
        city: "Berlin",
        country_code: "DE",
        postal_code: "10115",
      }
      const a1 = (await api.post("/store/companies/me/addresses", { ...site, is_default_shipping: true, is_default_billing: true }, anna))
        .data.address
      expect(a1).toEqual({
        id: expect.stringMatching(/^caddr_/),
        address_name: null,
        is_default_shipping: true,
        is_default_billing: true,
        company: "Acme",
        first_name: "Anna",
        last_name: "Admin",
        address_1: "Werkstraße 1",
        address_2: null,
        city: "Berlin",
        country_code: "de",
        province: null,
        postal_code: "10115",
        phone: null,
        created_at: expect.any(String),
        updated_at: expect.any(String),
      })
      const second = await api.post(
        "/store/companies/me/addresses",
        { ...site, address_1: "Lagerweg 9", is_default_shipping: true },
        { ...anna, ...noThrow }
      )
      expect([second.status, second.data.message]).toEqual([200, undefined])
      const a2 = second.data.address
      const listed = (await api.get("/store/companies/me/addresses", ben)).data.addresses
      expect(listed.map((a: any) => [a.id, a.is_default_shipping, a.is_default_billing])).toEqual([
        [a2.id, true, false],
        [a1.id, false, true],
      ])
      // Two admins' defaults at once still leave one default (the company row is locked).
      const both = await Promise.all([
        api.post(`/store/companies/me/addresses/${a1.id}`, { is_default_shipping: true }, anna),
        api.post(`/store/companies/me/addresses/${a2.id}`, { is_default_shipping: true }, anna),
      ])
      expect(both.map((r) => r.status)).toEqual([200, 200])
      const defaults = await dbConnection.raw(
        `select count(*)::int as n from company_address where company_id = ? and is_default_shipping and deleted_at is null`,
        [company.id]
      )
      expect(defaults.rows[0].n).toBe(1)
      before = await snapshotDb(dbConnection)
      for (const body of [{ city: "Berlin" }, { ...site, country_code: "Germany" }, { ...site, address_1: "" }, { ...site, extra: 1 }]) {
        const res = await api.post("/store/companies/me/addresses", body, { ...anna, ...noThrow })
        expect({ body, status: res.status }).toEqual({ body, status: 400 })
      }
      expect((await api.post(`/store/companies/me/addresses/${a1.id}`, {}, { ...anna, ...noThrow })).status).toBe(400)
      expect((await api.post("/store/companies/me/addresses", site, { ...ben, ...noThrow })).status).toBe(403)
      expect(diffSnapshots(before, await snapshotDb(dbConnection))).toEqual([])
      expect((await api.delete(`/store/companies/me/addresses/${a1.id}`, anna)).data).toEqual({
        id: a1.id,
        object: "company_address",
        deleted: true,
      })
      expect((await api.get("/store/companies/me/addresses", ben)).data.addresses.map((a: any) => a.id)).toEqual([a2.id])

      // Invites: the admin sees them with their state and withdraws an open one; its link stops working.
      const carla = await asCustomer("carla@acme.example")
      const open = (await api.post("/store/companies/me/invites", { email: carla.email, role: "approver" }, anna)).data
      const invites = (await api.get("/store/companies/me/invites", anna)).data
      expect([invites.count, invites.invites.map((i: any) => [i.email, i.status])]).toEqual([
        2,
        [
          [carla.email, "open"],
          [ben.email, "accepted"],
        ],
      ])
      expect(invites.invites[0]).not.toHaveProperty("token_hash")
      const accepted = invites.invites[1].id
      const refused = await api.delete(`/store/companies/me/invites/${accepted}`, { ...anna, ...noThrow })
      expect([refused.status, refused.data.message]).toEqual([409, "This invite was already accepted; remove the employee instead."])
      expect((await api.delete(`/store/companies/me/invites/${open.invite.id}`, anna)).data).toEqual({
        id: open.invite.id,
        object: "company_invite",
        deleted: true,
      })
      const late = await api.post("/store/companies/invites/accept", { token: open.token }, { ...carla, ...noThrow })
      expect([late.status, late.data.message]).toEqual([404, "Invite not found."])
      expect((await api.delete(`/store/companies/me/invites/${open.invite.id}`, { ...anna, ...noThrow })).status).toBe(404)
      expect((await api.get("/store/companies/me/invites", { ...ben, ...noThrow })).status).toBe(403)
    })
  },
})
