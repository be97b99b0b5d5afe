import { Modules } from "@medusajs/framework/utils"
import { liliumIntegrationTestRunner } from "../helpers/runner"
import { registerCustomer } from "../helpers/store"
import { applyAsVendor, readVerificationCode, verifyOwnerEmail } from "../helpers/vendor"
import { noThrow, waitFor } from "../helpers/poll"

/**
 * E-mail verification (issue 16, item 5) on Medusa's verification routes:
 * customers get the link on registration, a verification request for an
 * address that is not the caller's own sends nothing, and a vendor
 * application can be approved only once its owner's e-mail is verified.
 */
liliumIntegrationTestRunner({
  withCatalog: false,
  testSuite: ({ api, adminHeaders, storeHeaders, getContainer }) => {
    const verificationMails = (to: string) =>
      getContainer().resolve(Modules.NOTIFICATION).listNotifications({ to, template: "email-verification" })

    it("a registered customer gets the verification e-mail with a storefront link; confirming verifies; the used or a wrong code is refused", async () => {
      const admin = await adminHeaders()
      await registerCustomer(api, storeHeaders(), "erika@verify.example")
      const { code, verify_url } = await readVerificationCode("erika@verify.example")
      expect(verify_url).toMatch(/^http:\/\/localhost:8000\/verify-email\?token=[A-Za-z0-9_-]{43}&email=erika%40verify\.example$/)
      const [mail] = await verificationMails("erika@verify.example")
      expect(mail).toMatchObject({ channel: "email", data: { actor_type: "customer", expires_at: expect.any(String) } })
      // The operator's log of the same e-mail masks the link (a credential), in the list and one by one (decision 66).
      const listed = (await api.get("/admin/notifications?to=erika%40verify.example", admin)).data.notifications
      expect(listed.map((n: any) => [n.template, n.data.verify_url, n.data.actor_type])).toEqual([
        ["email-verification", "[redacted]", "customer"],
      ])
      const one = (await api.get(`/admin/notifications/${mail.id}`, admin)).data.notification
      expect([one.data.verify_url, JSON.stringify(one).includes(code)]).toEqual(["[redacted]", false])

      const confirmed = await api.post("/auth/verification/confirm", { code })
      expect(confirmed.data).toMatchObject({ entity_id: "erika@verify.example", entity_type: "email", verified_at: expect.any(String) })
      const auth = getContainer().resolve(Modules.AUTH)
      const rows = await auth.listAuthVerifications({ entity_id: "erika@verify.example", entity_type: "email" })
      expect(rows.map((r) => !!r.verified_at)).toEqual([true])

      const used = await api.post("/auth/verification/confirm", { code }, noThrow)
      const wrong = await api.post("/auth/verification/confirm", { code: "not-a-real-code" }, noThrow)
      for (const res of [used, wrong]) {
        // Medusa's answer (NOT_ALLOWED): 400.
        expect(res.status).toBe(400)
        expect(res.data.message).toBe("Verification code is invalid or already used")
      }
    })

    it("a verification request for someone else's address sends nothing (and proves nothing); for one's own it sends the link", async () => {
      const admin = await adminHeaders()
      const { token } = await registerCustomer(api, storeHeaders(), "mallory@verify.example")
      const auth = { headers: { authorization: `Bearer ${token}` } }
      const other = await api.post("/auth/verification/request", { entity_id: "victim@elsewhere.example", entity_type: "email" }, auth)
      expect(other.status).toBe(201)
      const own = await api.post("/auth/verification/request", { entity_id: "mallory@verify.example", entity_type: "email" }, auth)
      expect(own.status).toBe(201)
      // Both events were handled once the own-address mail is there: registration's and this one.
      const mine = await waitFor(
        () => verificationMails("mallory@verify.example"),
        (l) => l.length >= 2
      )
      expect(mine).toHaveLength(2)
      expect(await verificationMails("victim@elsewhere.example")).toEqual([])
      const listed = await api.get("/admin/notifications?to=victim@elsewhere.example", admin)
      expect(listed.data.notifications).toEqual([])
    })

    it("approving a vendor whose owner's e-mail is not verified is refused with nothing changed; after the owner confirms the e-mailed link it succeeds", async () => {
      const admin = await adminHeaders()
      const applicant = await applyAsVendor(api, { name: "Unverified Co", email: "owner@unverified.example" })
      const before = await api.get(`/admin/vendors/${applicant.vendor.id}`, admin)
      expect(before.data.vendor).toMatchObject({ status: "pending", owner_email_verified: false })

      const refused = await api.post(`/admin/vendors/${applicant.vendor.id}/approve`, {}, { ...admin, ...noThrow })
      expect(refused.status).toBe(409)
      expect(refused.data.message).toMatch(/the owner's e-mail owner@unverified\.example is not verified/)
      const after = await api.get(`/admin/vendors/${applicant.vendor.id}`, admin)
      expect(after.data.vendor).toMatchObject({ status: "pending", approved_at: null, stock_locations: [] })
      expect(after.data.vendor.shipping_profile ?? null).toBeNull()
      const { data: audit } = await api.get(`/admin/audit-log?action=vendor.approved&target_id=${applicant.vendor.id}`, admin)
      expect(audit.audit_entries).toEqual([])

      // The application sent the link to the vendor panel.
      const { verify_url } = await readVerificationCode("owner@unverified.example")
      expect(verify_url).toMatch(/^http:\/\/localhost:5173\/verify-email\?token=/)
      await verifyOwnerEmail(api, "owner@unverified.example")
      expect((await api.get(`/admin/vendors/${applicant.vendor.id}`, admin)).data.vendor.owner_email_verified).toBe(true)
      const approved = await api.post(`/admin/vendors/${applicant.vendor.id}/approve`, {}, admin)
      expect(approved.data.vendor).toMatchObject({ status: "active", owner_email_verified: true })
    })
  },
})
