import { Modules } from "@medusajs/framework/utils"
import { liliumIntegrationTestRunner } from "../helpers/runner"
import { readyCart } from "../helpers/store"
import { applyAsVendor, bearer } from "../helpers/vendor"
import { PAYOUT_MODULE } from "../../src/modules/payout"
import { noThrow } from "../helpers/poll"

const IBAN_A = "DE89 3704 0044 0532 0130 00"
const IBAN_B = "DE02 1203 0000 0000 2020 51"
const HOUR = 3_600_000

/**
 * Issue 14, item 6: where a vendor is paid. Only owners and admins change
 * it, every owner hears of it, a payout keeps the destination it was
 * created with, a changed account waits MARKETPLACE_PAYOUT_ACCOUNT_HOLD_HOURS
 * (time is moved by setting the account's active_from, never slept), and a
 * suspended vendor cannot change it.
 */
liliumIntegrationTestRunner({
  env: { MARKETPLACE_PAYOUT_HOLD_DAYS: "0", MARKETPLACE_PAYOUT_ACCOUNT_HOLD_HOURS: "48" },
  testSuite: ({ api, basics, catalog, storeHeaders, adminHeaders, getContainer }) => {
    const eur = () => basics().regions.find((r) => r.currency_code === "eur")!
    const product = (handle: string) => catalog().products.find((p) => p.handle === handle)!
    const vendor = (handle: string) => catalog().vendors.find((v) => v.handle === handle)!
    const login = async (email: string, password = "lilium-vendor") => {
      const { data } = await api.post("/auth/vendor/emailpass", { email, password })
      return bearer(data.token)
    }
    const manual = (iban: string, holder = "Oakline GmbH") => ({ provider: "manual", details: { account_holder: holder, iban } })

    /** A member with this role, invited by the owner, with a real token. */
    async function member(owner: any, email: string, role: string) {
      const { data: invite } = await api.post("/vendor/invites", { email, role }, owner)
      const reg = await api.post("/auth/vendor/emailpass/register", { email, password: "member-pw-1" })
      await api.post("/vendor/invites/accept", { token: invite.token }, bearer(reg.data.token))
      return login(email, "member-pw-1")
    }

    /** Who got a payout-account-changed e-mail for the account change at `changed_at` (waits up to 3 s for `count`). */
    async function changedMails(count: number, changedAt?: string) {
      let rows: any[] = []
      for (let i = 0; i < 30; i++) {
        if (i) await new Promise((r) => setTimeout(r, 100))
        rows = (
          await getContainer()
            .resolve(Modules.NOTIFICATION)
            .listNotifications({ template: "payout-account-changed" } as any)
        ).filter((n: any) => !changedAt || n.data?.changed_at === changedAt)
        if (rows.length >= count) break
      }
      return rows
    }

    /** Checks out the chair (Oakline, 289 + 4.95 shipping, no commission rule) and has Oakline deliver it; hold 0: available at once. */
    async function deliveredChair() {
      const admin = await adminHeaders()
      const cart = await readyCart(api, storeHeaders(), {
        region_id: eur().id,
        email: "buyer@destination.example",
        lines: [{ variant_id: product("oak-office-chair").variant_id, quantity: 1 }],
      })
      const { data } = await api.post(`/store/carts/${cart.id}/complete`, {}, storeHeaders())
      for (let i = 0; i < 60; i++) {
        const { data: o } = await api.get(`/admin/orders/${data.order.id}?fields=payment_status`, admin)
        if (o.order.payment_status === "captured") break
        await new Promise((r) => setTimeout(r, 100))
      }
      const [vo] = (await api.get(`/admin/orders/${data.order.id}/vendor-orders`, admin)).data.vendor_orders
      const headers = await login(vendor("oakline-furniture").email)
      await api.post(`/vendor/orders/${vo.id}/accept`, {}, headers)
      const f = (await api.post(`/vendor/orders/${vo.id}/fulfillments`, {}, headers)).data.vendor_order.fulfillments[0].id
      await api.post(`/vendor/orders/${vo.id}/fulfillments/${f}/shipments`, {}, headers)
      await api.post(`/vendor/orders/${vo.id}/fulfillments/${f}/mark-as-delivered`, {}, headers)
    }
    const run = async () => (await api.post("/admin/payout-runs", {}, await adminHeaders())).data.payout_run
    const balance = async (headers: any) => (await api.get("/vendor/balance", headers)).data.balances[0]

    it("only owners and admins change the payout account (finance reads it, 403 on change), and every owner is e-mailed", async () => {
      const owner = await login(vendor("oakline-furniture").email)
      const finance = await member(owner, "money@oakline.example", "finance")
      const admin = await member(owner, "boss@oakline.example", "admin")
      const coOwner = await member(owner, "partner@oakline.example", "owner")
      const owners = [vendor("oakline-furniture").email, "partner@oakline.example"].sort()

      // The first account, at onboarding: no hold.
      const first = await api.post("/vendor/payout-account", manual(IBAN_A), owner)
      expect(first.data.payout_account).toMatchObject({
        provider: "manual",
        details: { iban: "DE89 •••• 3000" },
        active_from: null,
        changed_at: expect.any(String),
      })
      const firstMails = await changedMails(2, first.data.payout_account.changed_at)
      expect(firstMails.map((n: any) => n.to).sort()).toEqual(owners)
      expect(firstMails[0].data).toMatchObject({
        first: true,
        previous: null,
        active_from: null,
        current: { provider: "manual", details: { iban: "DE89 •••• 3000" } },
      })

      // Finance may read it, not change it (nor open Stripe's onboarding); nothing changes.
      expect((await api.get("/vendor/payout-account", finance)).data.payout_account.details.iban).toBe("DE89 •••• 3000")
      const refused = await api.post("/vendor/payout-account", manual(IBAN_B, "Mallory"), { ...finance, ...noThrow })
      expect([refused.status, refused.data.message]).toEqual([403, "The finance role cannot do this; it needs one of: owner, admin."])
      expect((await api.post("/vendor/payout-account/onboarding-link", {}, { ...finance, ...noThrow })).status).toBe(403)
      expect((await api.get("/vendor/payout-account", owner)).data.payout_account).toMatchObject({
        details: { account_holder: "Oakline GmbH", iban: "DE89 •••• 3000" },
      })

      // An admin member changes it: both owners (and nobody else) are told; the new IBAN waits 48 hours.
      const before = Date.now()
      const changed = await api.post("/vendor/payout-account", manual(IBAN_B), admin)
      expect(changed.status).toBe(200)
      const account = changed.data.payout_account
      expect(account.details.iban).toBe("DE02 •••• 2051")
      const holdMs = new Date(account.active_from).getTime() - new Date(account.changed_at).getTime()
      expect(holdMs).toBe(48 * HOUR)
      expect(new Date(account.changed_at).getTime()).toBeGreaterThanOrEqual(before - 1000)
      const mails = await changedMails(2, account.changed_at)
      expect(mails.map((n: any) => n.to).sort()).toEqual(owners)
      expect(mails[0].data).toMatchObject({
        vendor_name: expect.stringContaining("Oakline"),
        first: false,
        changed_by: "boss@oakline.example",
        active_from: account.active_from,
        previous: { provider: "manual", details: { iban: "DE89 •••• 3000" } },
        current: { provider: "manual", details: { iban: "DE02 •••• 2051" } },
      })
      // Not the whole IBAN in any e-mail.
      expect(JSON.stringify(mails.map((n: any) => n.data))).not.toContain("DE02120300000000202051")

      // Sending the same details again is no change: no new hold, no e-mail.
      const same = await api.post("/vendor/payout-account", manual(IBAN_B), coOwner)
      expect([same.data.payout_account.active_from, same.data.payout_account.changed_at]).toEqual([account.active_from, account.changed_at])
      await new Promise((r) => setTimeout(r, 300))
      expect((await changedMails(0)).length).toBe(4)
    })

    it("a payout keeps the destination it was created with; a changed account is skipped until its hold has passed", async () => {
      const owner = await login(vendor("oakline-furniture").email)
      const admin = await adminHeaders()
      await api.post("/vendor/payout-account", manual(IBAN_A), owner)
      await deliveredChair()
      const [p1] = (await run()).payouts
      expect(p1).toMatchObject({ amount: 293.95, status: "processing", provider: "manual" })
      expect(p1.destination).toMatchObject({
        provider: "manual",
        details: { iban: "DE89370400440532013000", account_holder: "Oakline GmbH" },
      })

      // The vendor switches to another IBAN while the payout waits for the operator.
      const changed = (await api.post("/vendor/payout-account", manual(IBAN_B, "Oakline Neu"), owner)).data.payout_account
      expect(changed.active_from).not.toBeNull()

      // The payout still shows and pays the old destination, to the operator and to the vendor.
      const { data: full } = await api.get(`/admin/payouts/${p1.id}`, admin)
      expect(full.payout.payout_account.details).toEqual({ account_holder: "Oakline GmbH", iban: "DE89370400440532013000", bic: null })
      expect(full.payout.destination.details.iban).toBe("DE89370400440532013000")
      const { data: mine } = await api.get(`/vendor/payouts/${p1.id}`, owner)
      expect(mine.payout.destination).toMatchObject({
        provider: "manual",
        details: { account_holder: "Oakline GmbH", iban: "DE89 •••• 3000" },
      })
      expect((await api.get("/vendor/payouts", owner)).data.payouts[0].destination.details.iban).toBe("DE89 •••• 3000")
      await api.post(`/admin/payouts/${p1.id}/mark-paid`, { reference: "SEPA-OLD-IBAN" }, admin)

      // New earnings: the run skips Oakline while the new IBAN is on hold; the money waits.
      await deliveredChair()
      expect(await balance(owner)).toEqual({ currency_code: "eur", pending: 0, available: 293.95, in_transit: 0, paid_out: 293.95 })
      expect((await run()).payouts).toEqual([])
      expect(await balance(owner)).toMatchObject({ available: 293.95, in_transit: 0 })

      // One hour before the hold ends: still skipped.
      const payouts: any = getContainer().resolve(PAYOUT_MODULE)
      await payouts.updatePayoutAccounts({ id: changed.id, active_from: new Date(Date.now() + HOUR) })
      expect((await run()).payouts).toEqual([])

      // The hold has passed: the new IBAN is paid, and the old payout still names the old one.
      await payouts.updatePayoutAccounts({ id: changed.id, active_from: new Date(Date.now() - 1000) })
      const [p2] = (await run()).payouts
      expect(p2).toMatchObject({
        amount: 293.95,
        status: "processing",
        destination: { payout_account_id: changed.id, details: { iban: "DE02120300000000202051", account_holder: "Oakline Neu" } },
      })
      expect(await balance(owner)).toEqual({ currency_code: "eur", pending: 0, available: 0, in_transit: 293.95, paid_out: 293.95 })
      expect((await api.get(`/admin/payouts/${p1.id}`, admin)).data.payout.payout_account.details.iban).toBe("DE89370400440532013000")
    })

    it("a suspended vendor cannot change where it is paid (403); a pending vendor sets up its first account", async () => {
      const admin = await adminHeaders()
      const owner = await login(vendor("oakline-furniture").email)
      await api.post("/vendor/payout-account", manual(IBAN_A), owner)
      await api.post(`/admin/vendors/${vendor("oakline-furniture").id}/suspend`, { reason: "Chargebacks" }, admin)
      const refused = await api.post("/vendor/payout-account", manual(IBAN_B, "Mallory"), { ...owner, ...noThrow })
      expect([refused.status, refused.data.message]).toEqual([403, "The vendor is suspended; its payout account cannot be changed."])
      expect((await api.post("/vendor/payout-account/onboarding-link", {}, { ...owner, ...noThrow })).status).toBe(403)
      expect((await api.get("/vendor/payout-account", owner)).data.payout_account.details).toMatchObject({
        account_holder: "Oakline GmbH",
        iban: "DE89 •••• 3000",
      })

      const pending = await applyAsVendor(api, { name: "Fresh Shop", email: "owner@fresh.example" })
      expect(pending.vendor.status).toBe("pending")
      const set = await api.post("/vendor/payout-account", manual(IBAN_B, "Fresh Shop"), { ...pending.headers, ...noThrow })
      expect([set.status, set.data.payout_account?.active_from]).toEqual([200, null])
    })
  },
})
