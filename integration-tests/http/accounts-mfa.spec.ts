import { createHmac } from "node:crypto"
import { Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { ADMIN_EMAIL, ADMIN_PASSWORD, liliumIntegrationTestRunner, type Api } from "../helpers/runner"
import { applyAsVendor, bearer, verifyOwnerEmail } from "../helpers/vendor"
import { noThrow, waitFor } from "../helpers/poll"

/** RFC 4648 base32 (the secret Medusa returns) to bytes. */
function base32(secret: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
  let bits = ""
  for (const c of secret.replace(/=+$/, "").toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, "0")
  const bytes: number[] = []
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2))
  return Buffer.from(bytes)
}

/** RFC 6238 TOTP: HMAC-SHA1, 30-second steps, 6 digits (what an authenticator app shows). */
function totp(secret: string, at = Date.now()): string {
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)))
  const mac = createHmac("sha1", base32(secret)).update(counter).digest()
  const offset = mac[mac.length - 1] & 0xf
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0")
}

/** Enrols a TOTP factor with Medusa's routes as an authenticator app user would; returns the secret and recovery codes. */
async function enrolTotp(api: Api, token: string) {
  const started = await api.post("/auth/mfa/factors", { provider: "totp", label: "phone" }, bearer(token))
  expect(started.data.mfa_factor.status).toBe("pending")
  expect(started.data.otpauth_url).toMatch(/^otpauth:\/\/totp\//)
  const secret: string = started.data.secret
  const verified = await api.post(`/auth/mfa/factors/${started.data.mfa_factor.id}/verify`, { code: totp(secret) }, bearer(token))
  expect(verified.data.mfa_factor.status).toBe("enabled")
  const { data } = await api.post("/auth/mfa/recovery-codes", { count: 3 }, bearer(token))
  expect(data.recovery_codes).toHaveLength(3)
  return { secret, recovery_codes: data.recovery_codes as string[] }
}

/** Signs in with e-mail and password, then completes Medusa's MFA challenge; returns the real token. */
async function signInWithMfa(api: Api, actor: "vendor" | "user", email: string, password: string, secret: string) {
  const first = await api.post(`/auth/${actor}/emailpass`, { email, password })
  expect(first.data).toMatchObject({ mfa_required: true, mfa_challenge: { id: expect.any(String) }, token: expect.any(String) })
  const done = await api.post(
    `/auth/mfa/challenges/${first.data.mfa_challenge.id}/verify`,
    { method: "totp", code: totp(secret) },
    bearer(first.data.token)
  )
  return done.data.token as string
}

/**
 * Two-factor authentication (issue 16, item 4) on Medusa's own MFA routes,
 * for vendor members and admin users, and Lilium's two requirements: the
 * vendor owner's require_member_mfa and the operator's require_admin_mfa.
 */
liliumIntegrationTestRunner({
  withCatalog: false,
  testSuite: ({ api, adminHeaders, getContainer }) => {
    it("a vendor member enrols TOTP; sign-in then needs the challenge: a wrong code is 400, the right one gives a working token; a recovery code works once", async () => {
      const owner = await applyAsVendor(api, { name: "Mfa Vendor", email: "owner@mfa.example" })
      const { secret, recovery_codes } = await enrolTotp(api, owner.token)

      const first = await api.post("/auth/vendor/emailpass", { email: "owner@mfa.example", password: "vendor-password-1" })
      expect(first.data.mfa_required).toBe(true)
      // The sign-in token is not a member token until the challenge is done.
      expect((await api.get("/vendor/me", { ...bearer(first.data.token), ...noThrow })).status).toBe(401)

      const verifyUrl = `/auth/mfa/challenges/${first.data.mfa_challenge.id}/verify`
      const wrongCode = totp(secret) === "000000" ? "111111" : "000000"
      const wrong = await api.post(verifyUrl, { method: "totp", code: wrongCode }, { ...bearer(first.data.token), ...noThrow })
      // Medusa 2.21.2 answers a wrong code with 400 (NOT_ALLOWED), not 401.
      expect(wrong.status).toBe(400)
      expect(wrong.data.message).toBe("Invalid MFA challenge code")
      const right = await api.post(verifyUrl, { method: "totp", code: totp(secret) }, bearer(first.data.token))
      const me = await api.get("/vendor/me", bearer(right.data.token))
      expect(me.data.member.email).toBe("owner@mfa.example")

      // A recovery code instead of the app: once.
      const again = await api.post("/auth/vendor/emailpass", { email: "owner@mfa.example", password: "vendor-password-1" })
      const recovered = await api.post(
        `/auth/mfa/challenges/${again.data.mfa_challenge.id}/verify`,
        { method: "recovery_code", code: recovery_codes[0] },
        bearer(again.data.token)
      )
      expect((await api.get("/vendor/me", bearer(recovered.data.token))).status).toBe(200)
      const third = await api.post("/auth/vendor/emailpass", { email: "owner@mfa.example", password: "vendor-password-1" })
      const reused = await api.post(
        `/auth/mfa/challenges/${third.data.mfa_challenge.id}/verify`,
        { method: "recovery_code", code: recovery_codes[0] },
        { ...bearer(third.data.token), ...noThrow }
      )
      expect(reused.status).toBe(400)
      expect(reused.data.message).toBe("Invalid MFA challenge code")

      // Security notices to the account's own address: 2FA turned on, recovery codes made.
      const notices = await waitFor(
        () =>
          getContainer()
            .resolve<any>("notification")
            .listNotifications({ to: "owner@mfa.example", template: "two-factor-changed" }, { order: { created_at: "ASC" } }),
        (l: any[]) => l.length >= 2
      )
      expect(notices.map((n: any) => n.data.change).sort()).toEqual(["enabled", "recovery_codes"])
    })

    it("a vendor owner requires 2FA for members: owner only, not before enrolling themself; a member without 2FA gets 403 with how to enrol, and gets through after enrolling", async () => {
      const admin = await adminHeaders()
      const owner = await applyAsVendor(api, { name: "Strict Vendor", email: "owner@strict.example" })
      await verifyOwnerEmail(api, "owner@strict.example")
      await api.post(`/admin/vendors/${owner.vendor.id}/approve`, {}, admin)
      const { data: invite } = await api.post("/vendor/invites", { email: "mate@strict.example", role: "admin" }, owner.headers)
      const reg = await api.post("/auth/vendor/emailpass/register", { email: "mate@strict.example", password: "member-pw-1" })
      await api.post("/vendor/invites/accept", { token: invite.token }, bearer(reg.data.token))
      const mate = bearer((await api.post("/auth/vendor/emailpass", { email: "mate@strict.example", password: "member-pw-1" })).data.token)

      // Not the admin role's setting; bad input is 400; the owner without 2FA is refused (no self lock-out).
      const notOwner = await api.post("/vendor/me", { require_member_mfa: true }, { ...mate, ...noThrow })
      expect(notOwner.status).toBe(403)
      expect(notOwner.data.message).toMatch(/Only the owner/)
      const bad = await api.post("/vendor/me", { require_member_mfa: "yes" }, { ...owner.headers, ...noThrow })
      expect(bad.status).toBe(400)
      const unenrolled = await api.post("/vendor/me", { require_member_mfa: true }, { ...owner.headers, ...noThrow })
      expect(unenrolled.status).toBe(400)
      expect(unenrolled.data.message).toMatch(/Enrol two-factor authentication yourself/)
      expect((await api.get("/vendor/me", owner.headers)).data.vendor.require_member_mfa).toBe(false)

      const { secret } = await enrolTotp(api, owner.token)
      const ownerMfa = bearer(await signInWithMfa(api, "vendor", "owner@strict.example", "vendor-password-1", secret))
      const on = await api.post("/vendor/me", { require_member_mfa: true }, ownerMfa)
      expect(on.data.vendor.require_member_mfa).toBe(true)
      const { data: audit } = await api.get(`/admin/audit-log?action=vendor.updated&target_id=${owner.vendor.id}`, admin)
      expect(audit.audit_entries[0]).toMatchObject({
        actor_type: "vendor_member",
        before: { require_member_mfa: false },
        after: { require_member_mfa: true },
      })

      // The member without 2FA: 403 with how to enrol; the enrolment routes still work for them.
      const refused = await api.get("/vendor/me", { ...mate, ...noThrow })
      expect(refused.status).toBe(403)
      expect(refused.data.message).toMatch(/requires two-factor authentication/)
      expect(refused.data.message).toMatch(/POST \/auth\/mfa\/factors/)
      // The owner's own earlier token (no 2FA step) is refused too.
      expect((await api.get("/vendor/me", { ...owner.headers, ...noThrow })).status).toBe(403)

      const mateToken = mate.headers.authorization.replace("Bearer ", "")
      const mateSecret = (await enrolTotp(api, mateToken)).secret
      const mateMfa = bearer(await signInWithMfa(api, "vendor", "mate@strict.example", "member-pw-1", mateSecret))
      expect((await api.get("/vendor/me", mateMfa)).data.member.email).toBe("mate@strict.example")
      expect((await api.get("/vendor/me", ownerMfa)).status).toBe(200)
    })

    it("the operator requires 2FA for admin users: validated, not before enrolling themself; an admin without 2FA gets 403 on /admin (enrolment still open), with 2FA 200", async () => {
      const admin = await adminHeaders()
      expect((await api.get("/admin/marketplace-settings", admin)).data).toEqual({ marketplace_settings: { require_admin_mfa: false } })
      for (const body of [{}, { require_admin_mfa: "yes" }, { require_admin_mfa: true, other: 1 }]) {
        const bad = await api.post("/admin/marketplace-settings", body, { ...admin, ...noThrow })
        expect(bad.status).toBe(400)
      }
      const unenrolled = await api.post("/admin/marketplace-settings", { require_admin_mfa: true }, { ...admin, ...noThrow })
      expect(unenrolled.status).toBe(400)
      expect(unenrolled.data.message).toMatch(/Enrol two-factor authentication yourself/)

      // A second admin user, without 2FA.
      const container = getContainer()
      const reg = await api.post("/auth/user/emailpass/register", { email: "second@lilium.test", password: "second-admin-1" })
      const identityId = JSON.parse(Buffer.from(reg.data.token.split(".")[1], "base64url").toString()).auth_identity_id
      await createUserAccountWorkflow(container).run({ input: { authIdentityId: identityId, userData: { email: "second@lilium.test" } } })
      const second = bearer(
        (await api.post("/auth/user/emailpass", { email: "second@lilium.test", password: "second-admin-1" })).data.token
      )

      const adminToken = admin.headers.authorization.replace("Bearer ", "")
      const { secret } = await enrolTotp(api, adminToken)
      const mfaAdmin = bearer(await signInWithMfa(api, "user", ADMIN_EMAIL, ADMIN_PASSWORD, secret))
      // The guard keeps the setting per server (5 s): a request just before the change fills that copy with "off",
      // and the change through this server must apply to the very next request, not 5 s later.
      expect((await api.get("/admin/vendors", second)).status).toBe(200)
      const on = await api.post("/admin/marketplace-settings", { require_admin_mfa: true }, mfaAdmin)
      expect(on.data.marketplace_settings.require_admin_mfa).toBe(true)
      const { data: audit } = await api.get("/admin/audit-log?action=marketplace_settings.updated", mfaAdmin)
      expect(audit.audit_entries[0]).toMatchObject({
        actor_type: "user",
        target_type: "marketplace_settings",
        before: { require_admin_mfa: false },
        after: { require_admin_mfa: true },
      })

      const refused = await api.get("/admin/vendors", { ...second, ...noThrow })
      expect(refused.status).toBe(403)
      expect(refused.data.message).toMatch(/requires two-factor authentication for admin users/)
      expect(refused.data.message).toMatch(/POST \/auth\/mfa\/factors/)
      expect((await api.post("/admin/marketplace-settings", { require_admin_mfa: false }, { ...second, ...noThrow })).status).toBe(403)
      // The operator's own earlier token did not complete 2FA either.
      expect((await api.get("/admin/vendors", { ...admin, ...noThrow })).status).toBe(403)
      // Their own user (the dashboard's profile page, where 2FA is set up) stays readable.
      expect((await api.get("/admin/users/me", second)).data.user.email).toBe("second@lilium.test")
      expect((await api.get("/admin/vendors", mfaAdmin)).status).toBe(200)

      const secondToken = second.headers.authorization.replace("Bearer ", "")
      const secondSecret = (await enrolTotp(api, secondToken)).secret
      const secondMfa = bearer(await signInWithMfa(api, "user", "second@lilium.test", "second-admin-1", secondSecret))
      expect((await api.get("/admin/vendors", secondMfa)).status).toBe(200)

      // Off again: tokens without 2FA work, from the next request on (the copy held "on" just before).
      expect((await api.get("/admin/vendors", { ...admin, ...noThrow })).status).toBe(403)
      await api.post("/admin/marketplace-settings", { require_admin_mfa: false }, mfaAdmin)
      expect((await api.get("/admin/vendors", admin)).status).toBe(200)

      // Another server's change: written to the store row without going through this server (no invalidation here).
      // This server may answer from its copy for at most MARKETPLACE_SETTINGS_TTL_MS (5 s); from 5 s after the write
      // on, every request must see it.
      const storeModule = container.resolve(Modules.STORE)
      const [store] = await storeModule.listStores({}, { select: ["id", "metadata"], take: 1, order: { created_at: "ASC" } })
      expect((await api.get("/admin/vendors", admin)).status).toBe(200)
      await storeModule.updateStores(store.id, { metadata: { ...store.metadata, lilium_settings: { require_admin_mfa: true } } })
      const written = Date.now()
      // Until 5 s have passed either answer is allowed (printed: how long this server kept its copy) …
      let firstRefusalMs: number | null = null
      while (Date.now() < written + 4_750) {
        const status = (await api.get("/admin/vendors", { ...admin, ...noThrow })).status
        // Once refused, never allowed again (no older copy comes back).
        expect(firstRefusalMs === null ? [200, 403] : [403]).toContain(status)
        if (status === 403 && firstRefusalMs === null) firstRefusalMs = Date.now() - written
        await new Promise((r) => setTimeout(r, 250))
      }
      console.log(
        `require_admin_mfa written past this server: ${firstRefusalMs === null ? "still allowed 4,750 ms after the write (its copy)" : `refused from ${firstRefusalMs} ms after the write`}`
      )
      // … and a request sent 5 s after the write must be refused.
      await new Promise((r) => setTimeout(r, Math.max(0, written + 5_000 - Date.now())))
      expect((await api.get("/admin/vendors", { ...admin, ...noThrow })).status).toBe(403)
      // Turned off through this server: applies at once.
      await api.post("/admin/marketplace-settings", { require_admin_mfa: false }, mfaAdmin)
      expect((await api.get("/admin/vendors", admin)).status).toBe(200)
    })
  },
})
