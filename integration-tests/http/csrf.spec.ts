import { ADMIN_EMAIL, ADMIN_PASSWORD, liliumIntegrationTestRunner } from "../helpers/runner"
import { diffSnapshots, snapshotDb } from "../helpers/db-snapshot"
import { registerCustomer } from "../helpers/store"
import { noThrow } from "../helpers/poll"

/**
 * CSRF (issue 13, item 7; decision 37 in docs/decisions.md). Medusa Admin
 * authenticates with a session cookie, so a page on another site that makes
 * the operator's browser POST a form to /admin/* must not act. Browsers do
 * not attach the SameSite=Lax cookie to a cross-site POST; these tests
 * attach it anyway (a same-site attacker, an old browser) and check that the
 * server refuses on its own and writes nothing.
 */
// Booting the app shares 2 cores with other suites; give the hooks room.
jest.setTimeout(300 * 1000)

const EVIL = "https://evil.example"
// In ADMIN_CORS (medusa-config.ts's default), like the admin's own origin.
const ADMIN_ORIGIN = "http://localhost:9000"

liliumIntegrationTestRunner({
  testSuite: ({ api, catalog, dbConnection, storeHeaders }) => {
    // Medusa Admin's login: a token from the emailpass provider, exchanged
    // for a session cookie at POST /auth/session.
    async function adminSessionCookie() {
      const login = await api.post("/auth/user/emailpass", { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })
      const session = await api.post("/auth/session", {}, { headers: { authorization: `Bearer ${login.data.token}` } })
      expect(session.status).toBe(200)
      const setCookie: string[] = session.headers["set-cookie"] ?? []
      const sid = setCookie.find((c) => c.startsWith("connect.sid="))
      expect(sid).toBeDefined()
      return { cookie: sid!.split(";")[0], attributes: sid! }
    }

    const vendorStatus = async (id: string) => (await dbConnection.raw(`select status from vendor where id = ?`, [id])).rows[0].status

    // What a cross-site <form method="post"> (or a fetch in no-cors mode)
    // can send: a simple content type, the browser's cookies, the attacker's
    // Origin, and no Authorization header.
    const forms = [
      { path: (v: string) => `/admin/vendors/${v}/suspend`, type: "application/x-www-form-urlencoded", body: "reason=csrf" },
      { path: (v: string) => `/admin/vendors/${v}/suspend`, type: "application/x-www-form-urlencoded", body: "" },
      { path: (v: string) => `/admin/vendors/${v}/suspend`, type: "text/plain", body: '{"reason":"csrf"}' },
      {
        path: () => "/admin/commission-rules",
        type: "application/x-www-form-urlencoded",
        body: "name=Evil&rate_type=percentage&value=90&scope[type]=global",
      },
      {
        path: () => "/admin/commission-rules",
        type: "text/plain",
        body: '{"name":"Evil","rate_type":"percentage","value":90,"scope":{"type":"global"}}',
      },
      { path: () => "/admin/payout-runs", type: "application/x-www-form-urlencoded", body: "" },
      { path: () => "/admin/payout-runs", type: "text/plain", body: "{}" },
      {
        path: () => "/admin/payout-runs",
        type: "multipart/form-data; boundary=x",
        body: '--x\r\nContent-Disposition: form-data; name="currency_code"\r\n\r\neur\r\n--x--\r\n',
      },
    ]

    it("the admin session cookie is HttpOnly and SameSite=Lax", async () => {
      const { attributes } = await adminSessionCookie()
      expect(attributes).toMatch(/;\s*HttpOnly/i)
      expect(attributes).toMatch(/;\s*SameSite=Lax/i)
    })

    it("a cross-site form POST carrying the admin session cookie is refused and changes nothing", async () => {
      const { cookie } = await adminSessionCookie()
      const vendor = catalog().vendors.find((v) => v.status === "active")!
      const before = await snapshotDb(dbConnection)

      const results: string[] = []
      for (const form of forms) {
        for (const origin of [{ origin: EVIL }, { referer: `${EVIL}/attack.html` }, {}]) {
          const res = await api.post(form.path(vendor.id), form.body, {
            ...noThrow,
            headers: { cookie, "content-type": form.type, ...origin },
            transformRequest: [(d: unknown) => d], // send the body bytes as they are
          })
          results.push(`${form.path(vendor.id)} ${form.type.split(";")[0]} ${Object.keys(origin)[0] ?? "no origin"}: ${res.status}`)
        }
      }
      // Each refused before it reached the route: 403 with the guard's message.
      expect(results.filter((r) => !r.endsWith(": 403"))).toEqual([])

      expect(diffSnapshots(before, await snapshotDb(dbConnection))).toEqual([])
      expect(await vendorStatus(vendor.id)).toBe("active")
    })

    it("JSON from a foreign Origin with the cookie is refused too", async () => {
      const { cookie } = await adminSessionCookie()
      const vendor = catalog().vendors.find((v) => v.status === "active")!
      const before = await snapshotDb(dbConnection)
      const res = await api.post(
        `/admin/vendors/${vendor.id}/suspend`,
        { reason: "csrf" },
        { ...noThrow, headers: { cookie, origin: EVIL } }
      )
      expect(res.status).toBe(403)
      expect(res.data.message).toMatch(/cross-site/i)
      expect(diffSnapshots(before, await snapshotDb(dbConnection))).toEqual([])
    })

    it("the same cookie works for the admin's own JSON requests", async () => {
      const { cookie } = await adminSessionCookie()
      const [a, b] = catalog().vendors.filter((v) => v.status === "active")

      // From an ADMIN_CORS origin, as Medusa Admin served elsewhere sends it.
      const suspended = await api.post(
        `/admin/vendors/${a.id}/suspend`,
        { reason: "late shipments" },
        { headers: { cookie, origin: ADMIN_ORIGIN } }
      )
      expect(suspended.status).toBe(200)
      expect(await vendorStatus(a.id)).toBe("suspended")

      // From the backend's own origin (the admin at /app).
      const sameOrigin = (api as any).defaults.baseURL
      const rule = await api.post(
        "/admin/commission-rules",
        { name: "Marketplace 10%", rate_type: "percentage", value: 10, scope: { type: "global" } },
        { headers: { cookie, origin: sameOrigin } }
      )
      expect(rule.status).toBe(200)
      expect(rule.data.commission_rule.name).toBe("Marketplace 10%")

      // Without Origin or Referer (a server-side client keeping the cookie).
      const again = await api.post(`/admin/vendors/${b.id}/suspend`, {}, { headers: { cookie } })
      expect(again.status).toBe(200)
      expect(await vendorStatus(b.id)).toBe("suspended")
    })

    it("a customer's session cookie (Store API) gets the same protection", async () => {
      const email = "csrf-buyer@lilium.test"
      await registerCustomer(api, storeHeaders(), email)
      const login = await api.post("/auth/customer/emailpass", { email, password: "customer-password-1" })
      const session = await api.post("/auth/session", {}, { headers: { authorization: `Bearer ${login.data.token}` } })
      const cookie = String(session.headers["set-cookie"]?.[0] ?? "").split(";")[0]
      expect(cookie).toMatch(/^connect\.sid=/)
      const headers = { ...storeHeaders().headers, cookie }
      const name = async () => (await api.get("/store/customers/me", { headers })).data.customer.first_name

      // A form cannot send x-publishable-api-key either; it is added here so
      // that only the CSRF guard stands between the form and the route.
      const before = await snapshotDb(dbConnection)
      const form = await api.post("/store/customers/me", "first_name=Evil", {
        ...noThrow,
        headers: { ...headers, "content-type": "application/x-www-form-urlencoded", origin: EVIL },
        transformRequest: [(d: unknown) => d],
      })
      expect(form.status).toBe(403)
      expect(diffSnapshots(before, await snapshotDb(dbConnection))).toEqual([])
      expect(await name()).toBe("Erika")

      // The storefront's own JSON request (STORE_CORS origin) works.
      const ok = await api.post(
        "/store/customers/me",
        { first_name: "Erika-Maria" },
        { headers: { ...headers, origin: "http://localhost:8000" } }
      )
      expect(ok.status).toBe(200)
      expect(await name()).toBe("Erika-Maria")
    })

    it("bearer tokens are not affected: a form content type with a bearer is decided by the route", async () => {
      const login = await api.post("/auth/user/emailpass", { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })
      const res = await api.post("/admin/payout-runs", "", {
        ...noThrow,
        headers: { authorization: `Bearer ${login.data.token}`, "content-type": "application/x-www-form-urlencoded", origin: EVIL },
        transformRequest: [(d: unknown) => d],
      })
      // A page cannot add an Authorization header without a CORS preflight,
      // which a foreign origin fails; the route itself answers.
      expect(res.status).toBe(200)
    })
  },
})
