import jwt from "jsonwebtoken"
import { ADMIN_EMAIL, ADMIN_PASSWORD, liliumIntegrationTestRunner } from "../helpers/runner"
import { applyAsVendor, bearer, verifyOwnerEmail } from "../helpers/vendor"
import { registerCustomer } from "../helpers/store"
import { noThrow, waitFor } from "../helpers/poll"
import { injectFault } from "../helpers/db-fault"

/**
 * Password reset and change (issue 16, items 1 and 2), for each actor:
 * Medusa's reset routes with Lilium's e-mail, policy and revocation, and
 * Lilium's change-password routes. Tokens issued before a change or reset
 * stop working (tokens_valid_after, whole seconds), so the tests wait for
 * the next second before changing a password.
 */

type Headers = { headers: Record<string, string> }
type Actor = {
  actor: "customer" | "vendor" | "user"
  email: string
  password: string
  /** The page the reset link points at. */
  resetPage: string
  changePath: string
  /** A route only this actor's token may read. */
  me: (token: string) => Promise<any>
  /** The resource the change route answers, and its e-mail. */
  resource: string
}

const NEW_PASSWORD = "a-new-password-1"
const nextSecond = () => new Promise((r) => setTimeout(r, 1100))

liliumIntegrationTestRunner({
  withCatalog: false,
  testSuite: ({ api, adminHeaders, storeHeaders, getContainer, dbConnection }) => {
    const withStore = (token: string): Headers => ({ headers: { ...storeHeaders().headers, authorization: `Bearer ${token}` } })

    const setups: Record<Actor["actor"], () => Promise<Actor>> = {
      customer: async () => {
        const { email } = await registerCustomer(api, storeHeaders(), "buyer@accounts.example")
        return {
          actor: "customer",
          email,
          password: "customer-password-1",
          resetPage: "http://localhost:8000/reset-password?",
          changePath: "/store/customers/me/password",
          me: (t) => api.get("/store/customers/me", { ...withStore(t), ...noThrow }),
          resource: "customer",
        }
      },
      vendor: async () => {
        const admin = await adminHeaders()
        const v = await applyAsVendor(api, { name: "Accounts Co", email: "owner@accounts.example" })
        await verifyOwnerEmail(api, "owner@accounts.example")
        await api.post(`/admin/vendors/${v.vendor.id}/approve`, {}, admin)
        return {
          actor: "vendor",
          email: "owner@accounts.example",
          password: "vendor-password-1",
          resetPage: "http://localhost:5173/reset-password?",
          changePath: "/vendor/me/password",
          me: (t) => api.get("/vendor/me", { ...bearer(t), ...noThrow }),
          resource: "member",
        }
      },
      user: async () => ({
        actor: "user",
        email: ADMIN_EMAIL,
        password: ADMIN_PASSWORD,
        resetPage: "http://localhost:9000/app/reset-password?",
        changePath: "/admin/users/me/password",
        me: (t) => api.get("/admin/users/me", { ...bearer(t), ...noThrow }),
        resource: "user",
      }),
    }

    const signIn = (a: Pick<Actor, "actor">, email: string, password: string) =>
      api.post(`/auth/${a.actor}/emailpass`, { email, password }, noThrow)

    /** Medusa's session login (POST /auth/session with the token); the session works on the actor's own route. */
    async function sessionCookie(token: string) {
      const res = await api.post("/auth/session", {}, bearer(token))
      const cookie = String((res.headers["set-cookie"] ?? []).find((c: string) => c.startsWith("connect.sid=")) ?? "").split(";")[0]
      const path = (jwt.decode(token) as { actor_type: string }).actor_type === "user" ? "/admin/users/me" : "/store/customers/me"
      expect((await api.get(path, { headers: { ...storeHeaders().headers, cookie }, ...noThrow })).status).toBe(200)
      return { cookie, path }
    }

    const resetMails = (to: string) =>
      getContainer()
        .resolve<any>("notification")
        .listNotifications({ to, template: "password-reset" }, { order: { created_at: "ASC" } })

    /** The password-changed notices sent to an address, oldest first. */
    const changedNotices = (to: string) =>
      getContainer()
        .resolve<any>("notification")
        .listNotifications({ to, template: "password-changed" }, { order: { created_at: "ASC" } })
    async function expectChangedNotice(to: string, reason: "change" | "reset", actor: string) {
      const notices = await waitFor(
        () => changedNotices(to),
        (l: any[]) => l.length > 0
      )
      expect(notices.map((n: any) => n.data)).toEqual([{ reason, actor_type: actor }])
    }

    /** Asks for a reset and returns the token from the e-mailed link. */
    async function requestReset(a: Actor): Promise<{ token: string; url: URL; status: number; body: unknown }> {
      const before = (await resetMails(a.email)).length
      const res = await api.post(`/auth/${a.actor}/emailpass/reset-password`, { identifier: a.email }, noThrow)
      const sent = await waitFor(
        () => resetMails(a.email),
        (l: any[]) => l.length > before
      )
      expect(sent).toHaveLength(before + 1)
      const mail = sent[sent.length - 1]
      expect(mail.data).toMatchObject({ actor_type: a.actor, expires_in_minutes: 15 })
      expect(mail.data.reset_url.startsWith(a.resetPage)).toBe(true)
      const url = new URL(mail.data.reset_url)
      expect(url.searchParams.get("email")).toBe(a.email)
      return { token: url.searchParams.get("token")!, url, status: res.status, body: res.data }
    }

    for (const actor of ["customer", "vendor", "user"] as const) {
      describe(`${actor}`, () => {
        it("reset: one e-mail with a working link; the token works once; old password and earlier tokens stop working", async () => {
          const a = await setups[actor]()
          const old = (await signIn(a, a.email, a.password)).data.token
          expect((await a.me(old)).status).toBe(200)
          await nextSecond()

          const { token, status } = await requestReset(a)
          expect(status).toBe(201)
          const update = (password: unknown) =>
            api.post(`/auth/${actor}/emailpass/update`, { email: a.email, password }, { ...bearer(token), ...noThrow })

          // The policy answers before Medusa spends the token.
          const short = await update("short")
          expect(short.status).toBe(400)
          expect(short.data.message).toMatch(/at least 8 characters/)

          const done = await update(NEW_PASSWORD)
          expect(done.status).toBe(200)
          expect(done.data).toEqual({ success: true })
          expect((await update("another-password-2")).status).toBe(401)
          await expectChangedNotice(a.email, "reset", actor)

          expect((await signIn(a, a.email, a.password)).status).toBe(401)
          const fresh = await signIn(a, a.email, NEW_PASSWORD)
          expect(fresh.status).toBe(200)
          expect((await a.me(old)).status).toBe(401)
          expect((await a.me(fresh.data.token)).status).toBe(200)
        })

        it("change: wrong current password is 400 and changes nothing; the right one logs out earlier tokens", async () => {
          const a = await setups[actor]()
          const old = (await signIn(a, a.email, a.password)).data.token
          // Admin users and customers may also hold a session cookie (vendors sign in with bearer tokens only).
          const session = actor === "vendor" ? null : await sessionCookie(old)
          await nextSecond()
          const change = (body: unknown, token = old) => api.post(a.changePath, body, { ...withStore(token), ...noThrow })

          const wrong = await change({ current_password: "not-the-password", new_password: NEW_PASSWORD })
          expect(wrong.status).toBe(400)
          expect(wrong.data.message).toBe("The current password is not correct.")
          expect((await change({ current_password: a.password, new_password: "short" })).status).toBe(400)
          expect((await change({ current_password: a.password, new_password: NEW_PASSWORD, email: "x@y.z" })).status).toBe(400)
          expect((await change({ current_password: a.password })).status).toBe(400)
          expect((await signIn(a, a.email, a.password)).status).toBe(200)
          expect((await a.me(old)).status).toBe(200)
          expect(await changedNotices(a.email)).toEqual([])

          const ok = await change({ current_password: a.password, new_password: NEW_PASSWORD })
          expect(ok.status).toBe(200)
          expect(ok.data[a.resource]).toMatchObject({ email: a.email })
          await expectChangedNotice(a.email, "change", actor)

          expect((await a.me(old)).status).toBe(401)
          expect((await a.me(old)).data).toEqual({ message: "Unauthorized" })
          // An earlier token buys no fresh one.
          expect((await api.post("/auth/token/refresh", {}, { ...bearer(old), ...noThrow })).status).toBe(401)
          if (session) {
            expect(
              (await api.get(session.path, { headers: { ...storeHeaders().headers, cookie: session.cookie }, ...noThrow })).status
            ).toBe(401)
            expect((await api.post("/auth/session", {}, { ...bearer(old), ...noThrow })).status).toBe(401)
          }
          expect((await signIn(a, a.email, a.password)).status).toBe(401)
          const fresh = await signIn(a, a.email, NEW_PASSWORD)
          expect(fresh.status).toBe(200)
          // Issued in the same second as the change: still valid.
          expect((await a.me(fresh.data.token)).status).toBe(200)
        })
      })
    }

    it("change: a failure at any step leaves the old password, the old tokens and no notice", async () => {
      const a = await setups.customer()
      const old = (await signIn(a, a.email, a.password)).data.token
      await nextSecond()
      // Writing the new hash (the emailpass login), then recording the sign-out second (the identity).
      for (const table of ["provider_identity", "auth_identity"]) {
        const drop = await injectFault(dbConnection, table, "UPDATE")
        let status: number
        try {
          status = (
            await api.post(a.changePath, { current_password: a.password, new_password: NEW_PASSWORD }, { ...withStore(old), ...noThrow })
          ).status
        } finally {
          await drop()
        }
        expect([table, status]).toEqual([table, 500])
        expect((await signIn(a, a.email, a.password)).status).toBe(200)
        expect((await signIn(a, a.email, NEW_PASSWORD)).status).toBe(401)
        expect((await a.me(old)).status).toBe(200)
      }
      expect(await changedNotices(a.email)).toEqual([])
    })

    it("unknown and wrong-actor identifiers: the same 201 and no e-mail; expired tokens and short passwords are refused", async () => {
      const vendor = await setups.vendor()
      const customer = await setups.customer()

      // The same answer for an address without an account.
      const known = await requestReset(customer)
      const unknown = await api.post("/auth/customer/emailpass/reset-password", { identifier: "nobody@accounts.example" }, noThrow)
      expect({ status: unknown.status, body: unknown.data }).toEqual({ status: known.status, body: known.body })

      // A customer reset for a vendor-only address: 201, and nothing is sent (the vendor's own reset is, after it).
      const asCustomer = await api.post("/auth/customer/emailpass/reset-password", { identifier: vendor.email }, noThrow)
      expect({ status: asCustomer.status, body: asCustomer.data }).toEqual({ status: known.status, body: known.body })
      await requestReset(vendor)
      const vendorMails = await resetMails(vendor.email)
      expect(vendorMails.map((n: any) => n.data.actor_type)).toEqual(["vendor"])
      expect(await resetMails("nobody@accounts.example")).toEqual([])

      // An expired reset token (Medusa's own claims, signed with the app's secret, exp in the past): 401; the real one still works.
      const secret = getContainer().resolve<any>("configModule").projectConfig.http.jwtSecret
      const { iat: _iat, exp: _exp, ...claims } = jwt.decode(known.token) as Record<string, unknown>
      const expired = jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, secret)
      const body = { email: customer.email, password: NEW_PASSWORD }
      expect((await api.post("/auth/customer/emailpass/update", body, { ...bearer(expired), ...noThrow })).status).toBe(401)
      expect((await api.post("/auth/customer/emailpass/update", body, { ...bearer(known.token), ...noThrow })).status).toBe(200)

      // A member of a vendor that is not active yet (read-only for vendor writes) can still change its own password.
      const pending = await applyAsVendor(api, {
        name: "Pending Accounts Co",
        email: "pending@accounts.example",
        password: "pending-password-1",
      })
      expect(pending.vendor.status).toBe("pending")
      const pendingToken = (await signIn({ actor: "vendor" }, "pending@accounts.example", "pending-password-1")).data.token
      const changed = await api.post(
        "/vendor/me/password",
        { current_password: "pending-password-1", new_password: "pending-password-2" },
        { ...bearer(pendingToken), ...noThrow }
      )
      expect(changed.status).toBe(200)
      expect((await signIn({ actor: "vendor" }, "pending@accounts.example", "pending-password-2")).status).toBe(200)

      // Registering with a short password: 400, and no login is created.
      const short = await api.post("/auth/customer/emailpass/register", { email: "short@accounts.example", password: "1234567" }, noThrow)
      expect(short.status).toBe(400)
      expect(short.data.message).toMatch(/at least 8 characters/)
      expect((await signIn({ actor: "customer" }, "short@accounts.example", "1234567")).status).toBe(401)
    })
  },
})
