import { liliumIntegrationTestRunner } from "../helpers/runner"
import { bearer, sellingVendor } from "../helpers/vendor"
import { noThrow } from "../helpers/poll"

liliumIntegrationTestRunner({
  withCatalog: false,
  testSuite: ({ api, adminHeaders, getContainer }) => {
    /** Invites `email` with `role` into the vendor, accepts it, and logs in. */
    async function join(owner: { headers: any }, email: string, role: string) {
      const { data } = await api.post("/vendor/invites", { email, role }, owner.headers)
      const reg = await api.post("/auth/vendor/emailpass/register", { email, password: "member-pw-1" })
      await api.post("/vendor/invites/accept", { token: data.token, first_name: "Mia" }, bearer(reg.data.token))
      const login = await api.post("/auth/vendor/emailpass", { email, password: "member-pw-1" })
      return { headers: bearer(login.data.token), invite: data.invite, token: data.token as string }
    }

    const setup = async () => {
      const admin = await adminHeaders()
      const a = await sellingVendor(api, admin, {
        name: "Alpha",
        email: "owner@alpha.example",
        product: { title: "Alpha Box", eur: 10, stock: 5 },
        shipping: { eur: 3 },
      })
      const b = await sellingVendor(api, admin, {
        name: "Beta",
        email: "owner@beta.example",
        product: { title: "Beta Bag", eur: 20, stock: 7 },
        shipping: { eur: 4 },
      })
      return { admin, a, b }
    }

    describe("invites", () => {
      it("an invite makes a member with the invited role; it stores only a hash and works once", async () => {
        const { a } = await setup()
        const finance = await join(a, "fin@alpha.example", "finance")
        expect(finance.invite).toMatchObject({ email: "fin@alpha.example", role: "finance", accepted_at: null })
        expect(finance.invite.token_hash).toBeUndefined()
        expect(new Date(finance.invite.expires_at).getTime() - Date.now()).toBeGreaterThan(71 * 3600 * 1000)

        const me = await api.get("/vendor/me", finance.headers)
        expect(me.data.member).toMatchObject({ email: "fin@alpha.example", role: "finance", first_name: "Mia" })
        expect(me.data.vendor.id).toBe(a.vendor.id)

        const [stored] = await getContainer().resolve<any>("vendor").listVendorInvites({ email: "fin@alpha.example" })
        expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/)
        expect(stored.token_hash).not.toContain(finance.token)
        expect(stored.accepted_at).toBeTruthy()

        // Used twice: 409, and no second member.
        const reg = await api.post("/auth/vendor/emailpass/register", { email: "other@alpha.example", password: "pw-1234567" })
        const twice = await api.post("/vendor/invites/accept", { token: finance.token }, { ...bearer(reg.data.token), ...noThrow })
        expect(twice.status).toBe(409)
        expect(twice.data.message).toBe("This invite has already been accepted.")
        const members = await api.get("/vendor/members", a.headers)
        expect(members.data.members.map((m: any) => [m.email, m.role])).toEqual([
          ["owner@alpha.example", "owner"],
          ["fin@alpha.example", "finance"],
        ])

        // The invited email is sent through the Notification module.
        const notifications = getContainer().resolve<any>("notification")
        let sent: any[] = []
        for (let i = 0; i < 50 && !sent.length; i++) {
          sent = await notifications.listNotifications({ to: "fin@alpha.example", template: "vendor-invite" })
          if (!sent.length) await new Promise((r) => setTimeout(r, 100))
        }
        expect(sent).toHaveLength(1)
        expect(sent[0].data.accept_url).toContain(encodeURIComponent(finance.token))
      })

      it("refuses an expired invite, a wrong e-mail and an unknown token, and adds no member", async () => {
        const { a } = await setup()
        const { data } = await api.post("/vendor/invites", { email: "late@alpha.example", role: "catalog" }, a.headers)
        const reg = await api.post("/auth/vendor/emailpass/register", { email: "late@alpha.example", password: "pw-1234567" })

        const wrong = await api.post("/auth/vendor/emailpass/register", { email: "someone@else.example", password: "pw-1234567" })
        const wrongEmail = await api.post("/vendor/invites/accept", { token: data.token }, { ...bearer(wrong.data.token), ...noThrow })
        expect(wrongEmail.status).toBe(400)
        expect(wrongEmail.data.message).toMatch(/This invite is for late@alpha.example/)

        await getContainer()
          .resolve<any>("vendor")
          .updateVendorInvites({ id: data.invite.id, expires_at: new Date(Date.now() - 1000) })
        const expired = await api.post("/vendor/invites/accept", { token: data.token }, { ...bearer(reg.data.token), ...noThrow })
        expect(expired.status).toBe(409)
        expect(expired.data.message).toBe("This invite has expired.")

        const unknown = await api.post("/vendor/invites/accept", { token: "x".repeat(43) }, { ...bearer(reg.data.token), ...noThrow })
        expect(unknown.status).toBe(404)
        const bad = await api.post(
          "/vendor/invites/accept",
          { token: data.token, role: "owner" },
          { ...bearer(reg.data.token), ...noThrow }
        )
        expect(bad.status).toBe(400)

        expect((await api.get("/vendor/members", a.headers)).data.count).toBe(1)
        const open = await api.get("/vendor/invites", a.headers)
        expect(open.data.invites.map((i: any) => i.email)).toEqual(["late@alpha.example"])
      })
    })

    describe("roles", () => {
      it("enforces the role on every write, with 403 and nothing changed", async () => {
        const { a } = await setup()
        const finance = await join(a, "fin@alpha.example", "finance")
        const catalog = await join(a, "cat@alpha.example", "catalog")
        const adminMember = await join(a, "adm@alpha.example", "admin")

        const denied = async (call: Promise<any>) => {
          const res = await call
          expect({ status: res.status, message: res.data.message }).toEqual({ status: 403, message: expect.stringMatching(/role|owner/) })
        }
        const opts = { ...finance.headers, ...noThrow }
        await denied(api.post("/vendor/products", { title: "Finance Product" }, opts))
        await denied(api.post(`/vendor/products/${a.product.id}`, { title: "Renamed" }, opts))
        await denied(api.delete(`/vendor/products/${a.product.id}`, opts))
        await denied(api.post(`/vendor/products/${a.product.id}/variants/${a.variant_id}/inventory`, { stocked_quantity: 0 }, opts))
        await denied(api.post("/vendor/shipping-options", { name: "X", prices: [{ currency_code: "eur", amount: 1 }] }, opts))
        await denied(api.post("/vendor/me", { name: "Renamed" }, opts))
        await denied(api.post("/vendor/invites", { email: "x@alpha.example", role: "catalog" }, { ...catalog.headers, ...noThrow }))
        await denied(api.post("/vendor/invites", { email: "o@alpha.example", role: "owner" }, { ...adminMember.headers, ...noThrow }))

        // Reads stay open to every member.
        expect((await api.get("/vendor/products", finance.headers)).data.count).toBe(1)
        // The catalog role may edit the catalog.
        const renamed = await api.post(`/vendor/products/${a.product.id}`, { title: "Alpha Box XL" }, catalog.headers)
        expect(renamed.data.product.title).toBe("Alpha Box XL")

        const { data } = await api.get("/vendor/products", a.headers)
        expect(data.products.map((p: any) => p.title)).toEqual(["Alpha Box XL"])
        expect((await api.get("/vendor/me", a.headers)).data.vendor.name).toBe("Alpha")
        expect((await api.get("/vendor/invites", a.headers)).data.count).toBe(0)
      })

      it("changes and removes members, but never the last owner; a removed member's token stops working", async () => {
        const { a } = await setup()
        const catalog = await join(a, "cat@alpha.example", "catalog")
        const members = (await api.get("/vendor/members", a.headers)).data.members
        const owner = members.find((m: any) => m.role === "owner")
        const cat = members.find((m: any) => m.role === "catalog")

        const demoteSelf = await api.post(`/vendor/members/${owner.id}`, { role: "admin" }, { ...a.headers, ...noThrow })
        expect(demoteSelf.status).toBe(409)
        expect(demoteSelf.data.message).toMatch(/last owner/)
        const removeSelf = await api.delete(`/vendor/members/${owner.id}`, { ...a.headers, ...noThrow })
        expect(removeSelf.status).toBe(409)

        const promoted = await api.post(`/vendor/members/${cat.id}`, { role: "orders" }, a.headers)
        expect(promoted.data.member.role).toBe("orders")
        const badRole = await api.post(`/vendor/members/${cat.id}`, { role: "god" }, { ...a.headers, ...noThrow })
        expect(badRole.status).toBe(400)

        const removed = await api.delete(`/vendor/members/${cat.id}`, a.headers)
        expect(removed.data).toEqual({ id: cat.id, object: "vendor_member", deleted: true })
        expect((await api.get("/vendor/me", { ...catalog.headers, ...noThrow })).status).toBe(401)
        expect((await api.get("/vendor/members", a.headers)).data.count).toBe(1)

        // The login was detached from the removed member, so the same person
        // can be invited again and joins with their existing password.
        const again = await api.post("/vendor/invites", { email: "cat@alpha.example", role: "finance" }, a.headers)
        const relogin = await api.post("/auth/vendor/emailpass", { email: "cat@alpha.example", password: "member-pw-1" })
        const accepted = await api.post(
          "/vendor/invites/accept",
          { token: again.data.token },
          { ...bearer(relogin.data.token), ...noThrow }
        )
        expect(accepted.data.message).toBeUndefined()
        expect(accepted.status).toBe(200)
        const fresh = await api.post("/auth/vendor/emailpass", { email: "cat@alpha.example", password: "member-pw-1" })
        const me = (await api.get("/vendor/me", bearer(fresh.data.token))).data
        expect(me.member).toMatchObject({ email: "cat@alpha.example", role: "finance" })
        expect(me.member.id).not.toBe(cat.id)
      })
    })

    describe("last owner under concurrency", () => {
      it("two owners demoting each other at the same moment: one 200, one 409, one owner left", async () => {
        const { a } = await setup()
        const second = await join(a, "co-owner@alpha.example", "owner")
        const members = (await api.get("/vendor/members", a.headers)).data.members
        const first = members.find((m: any) => m.email === "owner@alpha.example")
        const other = members.find((m: any) => m.email === "co-owner@alpha.example")
        expect([first.role, other.role]).toEqual(["owner", "owner"])
        // Both requests pass the early guard (each sees two owners); the write re-checks under the vendor row lock.
        const results = await Promise.all([
          api.post(`/vendor/members/${other.id}`, { role: "admin" }, { ...a.headers, ...noThrow }),
          api.post(`/vendor/members/${first.id}`, { role: "admin" }, { ...second.headers, ...noThrow }),
        ])
        expect(results.map((r) => r.status).sort()).toEqual([200, 409])
        expect(results.find((r) => r.status === 409)!.data.message).toBe(
          "The last owner cannot be removed or demoted; make another member owner first."
        )
        const after = (await api.get("/vendor/members", { ...(results[0].status === 200 ? a.headers : second.headers) })).data.members
        expect(after.filter((m: any) => m.role === "owner")).toHaveLength(1)
        expect(after.map((m: any) => m.role).sort()).toEqual(["admin", "owner"])
      })
    })

    describe("isolation", () => {
      it("another vendor's members and invites are 404 and unchanged", async () => {
        const { a, b } = await setup()
        const aMembers = (await api.get("/vendor/members", a.headers)).data.members
        const bMembers = (await api.get("/vendor/members", b.headers)).data.members
        expect(bMembers.map((m: any) => m.email)).toEqual(["owner@beta.example"])

        const res1 = await api.post(`/vendor/members/${aMembers[0].id}`, { role: "finance" }, { ...b.headers, ...noThrow })
        expect(res1.status).toBe(404)
        const res2 = await api.delete(`/vendor/members/${aMembers[0].id}`, { ...b.headers, ...noThrow })
        expect(res2.status).toBe(404)
        await api.post("/vendor/invites", { email: "new@alpha.example", role: "catalog" }, a.headers)
        expect((await api.get("/vendor/invites", b.headers)).data.count).toBe(0)
        expect((await api.get("/vendor/members", a.headers)).data.members).toEqual(aMembers)
      })
    })
  },
})
