import { Modules } from "@medusajs/framework/utils"
import { liliumIntegrationTestRunner } from "../helpers/runner"
import { readyCart } from "../helpers/store"
import { bearer, demoVendorLogin } from "../helpers/vendor"
import { deliveredVendorOrders } from "../helpers/vendor-order-flow"
import { connectStripeAccount, sendStripeWebhook, useFakeStripe } from "../helpers/fake-stripe"
import runScheduledPayouts from "../../src/jobs/run-scheduled-payouts"
import { noThrow } from "../helpers/poll"

const stripe = useFakeStripe()

liliumIntegrationTestRunner({
  env: { MARKETPLACE_PAYOUT_HOLD_DAYS: "0" },
  testSuite: ({ api, basics, catalog, storeHeaders, adminHeaders, getContainer }) => {
    const eur = () => basics().regions.find((r) => r.currency_code === "eur")!
    const product = (handle: string) => catalog().products.find((p) => p.handle === handle)!
    const login = demoVendorLogin(api, catalog)
    const webhook = (event: Record<string, unknown>, secret?: string) => sendStripeWebhook(api, event, secret)

    /** Checks out the lines, and has every vendor deliver its part (hold 0: available at once). */
    async function deliveredOrder(lines: [string, number][]) {
      const admin = await adminHeaders()
      await api.post(
        "/admin/commission-rules",
        { name: "Marketplace 10%", rate_type: "percentage", value: 10, scope: { type: "global" } },
        { ...admin, ...noThrow }
      )
      const cart = await readyCart(api, storeHeaders(), {
        region_id: eur().id,
        email: "buyer@payouts.example",
        lines: lines.map(([handle, quantity]) => ({ variant_id: product(handle).variant_id, quantity })),
      })
      const { data } = await api.post(`/store/carts/${cart.id}/complete`, {}, storeHeaders())
      return deliveredVendorOrders(api, admin, data.order.id, login)
    }

    /** A Stripe Express account for the vendor, activated by a signed account.updated webhook. */
    async function stripeAccount(handle: string) {
      const headers = await login(handle)
      const { acct, activated } = await connectStripeAccount(api, stripe, headers)
      expect([activated.status, activated.data.changed]).toEqual([200, true])
      return { headers, acct }
    }

    async function manualAccount(handle: string) {
      const headers = await login(handle)
      const { data } = await api.post(
        "/vendor/payout-account",
        { provider: "manual", details: { account_holder: "Oakline GmbH", iban: "DE89 3704 0044 0532 0130 00", bic: "COBADEFFXXX" } },
        headers
      )
      expect(data.payout_account).toMatchObject({
        provider: "manual",
        status: "active",
        details: { iban: "DE89 •••• 3000", account_holder: "Oakline GmbH" },
      })
      return { headers }
    }

    const balance = async (headers: any) => (await api.get("/vendor/balance", headers)).data.balances[0]
    const run = async () => (await api.post("/admin/payout-runs", {}, await adminHeaders())).data.payout_run
    /** Who got an email with this template (subscribers run after the response, so this waits up to 3 s for `count`). */
    const notifications = async (template: string, count: number) => {
      let to: string[] = []
      for (let i = 0; i < 30 && to.length < count; i++) {
        if (i) await new Promise((r) => setTimeout(r, 100))
        to = (
          await getContainer()
            .resolve(Modules.NOTIFICATION)
            .listNotifications({ template } as any)
        )
          .map((n: any) => n.to)
          .sort()
      }
      return to
    }

    it("pays each vendor its available balance to the cent, through Stripe Connect and by hand", async () => {
      await deliveredOrder([
        ["desk-lamp", 3],
        ["oak-office-chair", 1],
        ["paper-a4-500", 5],
      ])
      const lumen = await stripeAccount("lumen-office-lighting")
      const oak = await manualAccount("oakline-furniture")
      const papyrus = await login("papyrus-supplies")
      // Lamp 149.70 + shipping 4.95 − 10% of 149.70; chair 289 + 4.95 − 28.90; paper 32.25 + 4.95 − 3.22.
      expect(await balance(lumen.headers)).toEqual({ currency_code: "eur", pending: 0, available: 139.68, in_transit: 0, paid_out: 0 })
      expect((await balance(oak.headers)).available).toBe(265.05)
      expect((await balance(papyrus)).available).toBe(33.98)

      const payoutRun = await run()
      const byVendor = Object.fromEntries(payoutRun.payouts.map((p: any) => [p.vendor_id, p]))
      const lumenId = catalog().vendors.find((v) => v.handle === "lumen-office-lighting")!.id
      const oakId = catalog().vendors.find((v) => v.handle === "oakline-furniture")!.id
      expect(payoutRun.payouts).toHaveLength(2) // Papyrus has no payout account: its money waits.
      expect(payoutRun).toMatchObject({ status: "completed", trigger: "operator", payout_count: 2, completed_at: expect.any(String) })
      expect(byVendor[lumenId]).toMatchObject({
        amount: 139.68,
        currency_code: "eur",
        status: "paid",
        provider: "stripe-connect",
        attempt: 1,
      })
      expect(byVendor[oakId]).toMatchObject({ amount: 265.05, status: "processing", provider: "manual", reference: null })

      // One real transfer, in cents, to the vendor's account, keyed by the payout.
      const [transfer] = [...stripe.transfers.values()]
      expect(stripe.transfersCreated()).toBe(1)
      expect([transfer.amount, transfer.currency, transfer.destination, transfer.id]).toEqual([
        13968,
        "eur",
        lumen.acct,
        byVendor[lumenId].reference,
      ])
      expect(stripe.requests.filter((r) => r.path === "/v1/transfers").map((r) => r.idempotencyKey)).toEqual([
        `lilium-${byVendor[lumenId].id}-1`,
      ])

      expect(await balance(lumen.headers)).toEqual({ currency_code: "eur", pending: 0, available: 0, in_transit: 0, paid_out: 139.68 })
      expect(await balance(oak.headers)).toEqual({ currency_code: "eur", pending: 0, available: 0, in_transit: 265.05, paid_out: 0 })
      expect(await balance(papyrus)).toEqual({ currency_code: "eur", pending: 0, available: 33.98, in_transit: 0, paid_out: 0 })

      // The payout lists the ledger rows it covers; they add up to it exactly.
      const { data: detail } = await api.get(`/vendor/payouts/${byVendor[lumenId].id}`, lumen.headers)
      expect(detail.payout.transactions.map((t: any) => [t.type, t.amount]).sort()).toEqual([
        ["commission", -14.97],
        ["sale", 154.65],
      ])
      expect(detail.payout.postings.map((t: any) => [t.type, t.amount])).toEqual([["payout", -139.68]])
      // Another vendor cannot see it.
      expect((await api.get(`/vendor/payouts/${byVendor[lumenId].id}`, { ...oak.headers, ...noThrow })).status).toBe(404)
      expect((await api.get("/vendor/payouts", oak.headers)).data.payouts.map((p: any) => p.vendor_id)).toEqual([oakId])

      // The operator pays Oakline by bank transfer and records it, once.
      const admin = await adminHeaders()
      const { data: full } = await api.get(`/admin/payouts/${byVendor[oakId].id}`, admin)
      expect(full.payout.payout_account.details.iban).toBe("DE89370400440532013000")
      const paid = await api.post(`/admin/payouts/${byVendor[oakId].id}/mark-paid`, { reference: "SEPA-2026-11-0042" }, admin)
      expect(paid.data.payout).toMatchObject({ status: "paid", reference: "SEPA-2026-11-0042" })
      const again = await api.post(`/admin/payouts/${byVendor[oakId].id}/mark-paid`, { reference: "SEPA-X" }, { ...admin, ...noThrow })
      expect([again.status, again.data.message]).toEqual([409, `Payout ${byVendor[oakId].id} is paid; it can no longer be marked paid`])
      const stripePaid = await api.post(`/admin/payouts/${byVendor[lumenId].id}/mark-paid`, { reference: "X" }, { ...admin, ...noThrow })
      expect(stripePaid.status).toBe(400)
      expect(await balance(oak.headers)).toEqual({ currency_code: "eur", pending: 0, available: 0, in_transit: 0, paid_out: 265.05 })

      // Nothing is left to pay: a second run pays nothing and transfers nothing.
      expect((await run()).payouts).toEqual([])
      expect(stripe.transfersCreated()).toBe(1)

      // Owners and finance members hear about paid payouts.
      expect(await notifications("payout-paid", 2)).toEqual(
        [
          catalog().vendors.find((v) => v.handle === "lumen-office-lighting")!.email,
          catalog().vendors.find((v) => v.handle === "oakline-furniture")!.email,
        ].sort()
      )
      const { data: runs } = await api.get("/admin/payout-runs", admin)
      expect(runs.payout_runs.map((r: any) => [r.status, r.payout_count])).toEqual([
        ["completed", 0],
        ["completed", 2],
      ])
    })

    it("two runs at once pay each vendor once; transfers cut off mid-answer or by a 500 are resumed without paying twice", async () => {
      await deliveredOrder([
        ["desk-lamp", 1],
        ["oak-office-chair", 1],
      ])
      const lumen = await stripeAccount("lumen-office-lighting")
      const oak = await stripeAccount("oakline-furniture")
      const admin = await adminHeaders()
      const [a, b] = await Promise.all([api.post("/admin/payout-runs", {}, admin), api.post("/admin/payout-runs", {}, admin)])
      const payouts = [...a.data.payout_run.payouts, ...b.data.payout_run.payouts]
      expect(payouts.map((p: any) => [p.amount, p.status]).sort()).toEqual([
        [265.05, "paid"],
        [49.86, "paid"],
      ])
      expect(stripe.transfersCreated()).toBe(2)
      expect([...stripe.transfers.values()].map((t) => [t.destination, t.amount]).sort()).toEqual(
        [
          [lumen.acct, 4986],
          [oak.acct, 26505],
        ].sort()
      )

      // The transfers happen, but the answers are lost: the payouts stay
      // processing (debited, not confirmed) until the next run resumes them.
      await deliveredOrder([
        ["desk-lamp", 2],
        ["oak-office-chair", 1],
      ])
      // Four cut answers: the SDK retries a reset connection once by itself (same key).
      stripe.failNextTransfers(4, "", "drop_after_create")
      const cut = await run()
      expect(cut.payouts.map((p: any) => [p.amount, p.status, p.reference]).sort()).toEqual([
        [265.05, "processing", null],
        [94.77, "processing", null],
      ])
      expect(stripe.transfersCreated()).toBe(4)
      expect(await balance(lumen.headers)).toMatchObject({ available: 0, in_transit: 94.77, paid_out: 49.86 })
      const resumed = await run()
      expect(resumed.payouts.map((p: any) => [p.id, p.status]).sort()).toEqual(cut.payouts.map((p: any) => [p.id, "paid"]).sort())
      expect(stripe.transfersCreated()).toBe(4)
      for (const p of resumed.payouts) expect(stripe.transfers.get(p.reference)).toMatchObject({ metadata: { payout_id: p.id } })

      // A 500 between the debit and the transfer: nothing moved; the retry moves it once.
      await deliveredOrder([["desk-lamp", 1]])
      stripe.failNextTransfers(1, "", "server_error")
      const [open] = (await run()).payouts
      expect(open).toMatchObject({ amount: 49.86, status: "processing", reference: null })
      expect(open.last_error).toContain("api_error")
      const retried = (await api.post(`/admin/payouts/${open.id}/retry`, {}, admin)).data.payout
      expect(retried).toMatchObject({ status: "paid", attempt: 1 })
      expect(stripe.transfersCreated()).toBe(5)
      expect(stripe.requests.filter((r) => r.path === "/v1/transfers" && r.idempotencyKey === `lilium-${open.id}-1`)).toHaveLength(2)
      expect(await balance(lumen.headers)).toEqual({ currency_code: "eur", pending: 0, available: 0, in_transit: 0, paid_out: 194.49 })
      expect(await balance(oak.headers)).toEqual({ currency_code: "eur", pending: 0, available: 0, in_transit: 0, paid_out: 530.1 })
    })

    it("a declined transfer fails the payout and credits the vendor back; a retry pays once; reversals and replays are handled", async () => {
      await deliveredOrder([["desk-lamp", 1]])
      const lumen = await stripeAccount("lumen-office-lighting")
      stripe.failNextTransfers(1, "balance_insufficient", "decline")
      // This time the daily job runs it.
      await runScheduledPayouts(getContainer())
      const admin = await adminHeaders()
      const { data: runs } = await api.get("/admin/payout-runs", admin)
      expect(runs.payout_runs.map((r: any) => [r.trigger, r.status, r.payout_count])).toEqual([["schedule", "completed", 1]])
      const [failed] = (await api.get(`/admin/payouts?run_id=${runs.payout_runs[0].id}`, admin)).data.payouts
      expect(failed).toMatchObject({ amount: 49.86, status: "failed", failure_code: "balance_insufficient", attempt: 1 })
      expect(await balance(lumen.headers)).toEqual({ currency_code: "eur", pending: 0, available: 49.86, in_transit: 0, paid_out: 0 })
      expect(await notifications("payout-failed", 1)).toEqual([catalog().vendors.find((v) => v.handle === "lumen-office-lighting")!.email])
      const retried = (await api.post(`/admin/payouts/${failed.id}/retry`, {}, admin)).data.payout
      expect(retried).toMatchObject({ status: "paid", attempt: 2, failure_code: null })
      expect(stripe.requests.filter((r) => r.path === "/v1/transfers").map((r) => r.idempotencyKey)).toEqual([
        `lilium-${failed.id}-1`,
        `lilium-${failed.id}-2`,
      ])
      expect(stripe.transfersCreated()).toBe(1)
      expect(await balance(lumen.headers)).toEqual({ currency_code: "eur", pending: 0, available: 0, in_transit: 0, paid_out: 49.86 })
      const paidAgain = await api.post(`/admin/payouts/${failed.id}/retry`, {}, { ...admin, ...noThrow })
      expect(paidAgain.status).toBe(409)

      // Stripe reverses the transfer: the payout fails and the money is the vendor's again; a replay changes nothing.
      const transfer = stripe.transfers.get(retried.reference)
      const reversed = { type: "transfer.reversed", data: { object: { ...transfer, reversed: true, amount_reversed: transfer.amount } } }
      expect((await webhook(reversed)).data).toEqual({ received: true, type: "transfer_reversed", changed: true })
      expect((await webhook(reversed)).data).toEqual({ received: true, type: "transfer_reversed", changed: false })
      expect(await balance(lumen.headers)).toEqual({ currency_code: "eur", pending: 0, available: 49.86, in_transit: 0, paid_out: 0 })
      const { data: tx } = await api.get(`/vendor/transactions?type[]=payout&type[]=payout_reversal`, lumen.headers)
      expect(tx.transactions.map((t: any) => [t.type, t.amount]).sort()).toEqual([
        ["payout", -49.86],
        ["payout", -49.86],
        ["payout_reversal", 49.86],
        ["payout_reversal", 49.86],
      ])

      // A bad signature is refused and changes nothing.
      const forged = await webhook(reversed, "whsec_forged")
      expect([forged.status, forged.data.message]).toEqual([400, expect.stringContaining("Invalid Stripe signature")])
      const unsigned = await api.post("/hooks/payouts/stripe", reversed, noThrow)
      expect(unsigned.status).toBe(400)
    })

    it("payout accounts: validated input, onboarding links, roles, and isolation", async () => {
      const oak = await login("oakline-furniture")
      const lumen = await login("lumen-office-lighting")
      expect((await api.get("/vendor/payout-account", oak)).data).toEqual({ payout_account: null })
      const cases: [any, string][] = [
        [
          { provider: "manual", details: { account_holder: "Oakline", iban: "DE89 3704 0044 0532 0130 01" } },
          "details.iban is not a valid IBAN",
        ],
        [{ provider: "manual", details: { iban: "DE89 3704 0044 0532 0130 00" } }, "details.account_holder is required"],
        [{ provider: "paypal" }, 'The payout provider "paypal" is not configured'],
        [{ provider: "manual", extra: 1 }, "Unrecognized fields: 'extra'"],
      ]
      for (const [body, message] of cases) {
        const res = await api.post("/vendor/payout-account", body, { ...oak, ...noThrow })
        expect([res.status, res.data.message]).toEqual([400, expect.stringContaining(message)])
      }
      expect((await api.get("/vendor/payout-account", oak)).data).toEqual({ payout_account: null })
      const noLink = await api.post("/vendor/payout-account/onboarding-link", {}, { ...oak, ...noThrow })
      expect(noLink.status).toBe(400)

      const { data } = await api.post("/vendor/payout-account", { provider: "stripe-connect" }, lumen)
      expect(data.payout_account).toMatchObject({
        provider: "stripe-connect",
        status: "pending",
        external_id: expect.stringMatching(/^acct_/),
      })
      const link = await api.post("/vendor/payout-account/onboarding-link", { return_url: "https://vendors.example/done" }, lumen)
      expect(link.data.url).toContain(data.payout_account.external_id)
      // Setting it up again keeps the same Stripe account.
      const again = await api.post("/vendor/payout-account", { provider: "stripe-connect" }, lumen)
      expect(again.data.payout_account.external_id).toBe(data.payout_account.external_id)
      expect(stripe.accounts.size).toBe(1)
      // Another vendor neither sees Lumen's account nor gets a link to it.
      expect((await api.get("/vendor/payout-account", oak)).data).toEqual({ payout_account: null })
      expect((await api.post("/vendor/payout-account/onboarding-link", {}, { ...oak, ...noThrow })).status).toBe(400)
      // An older account.updated does not overwrite a newer state.
      const stale = await webhook({
        type: "account.updated",
        created: 1_000_000,
        data: {
          object: { ...stripe.accounts.get(data.payout_account.external_id), payouts_enabled: true, capabilities: { transfers: "active" } },
        },
      })
      expect([stale.status, stale.data.changed]).toEqual([200, false])

      // A member without the finance role cannot see or change payouts.
      const { data: invite } = await api.post("/vendor/invites", { email: "picker@oakline.example", role: "orders" }, oak)
      const reg = await api.post("/auth/vendor/emailpass/register", { email: "picker@oakline.example", password: "member-pw-1" })
      await api.post("/vendor/invites/accept", { token: invite.token }, bearer(reg.data.token))
      const picker = bearer(
        (await api.post("/auth/vendor/emailpass", { email: "picker@oakline.example", password: "member-pw-1" })).data.token
      )
      expect((await api.get("/vendor/payout-account", { ...picker, ...noThrow })).status).toBe(403)
      expect((await api.get("/vendor/payouts", { ...picker, ...noThrow })).status).toBe(403)

      const admin = await adminHeaders()
      for (const [path, body] of [
        ["/admin/payouts/pout_missing/retry", {}],
        ["/admin/payouts/pout_missing/mark-paid", { reference: "R" }],
      ] as const) {
        expect((await api.post(path, body, { ...admin, ...noThrow })).status).toBe(404)
      }
      expect((await api.post("/admin/payout-runs", { currency_code: "euro" }, { ...admin, ...noThrow })).status).toBe(400)
      expect((await api.get("/admin/payouts?status=lost", { ...admin, ...noThrow })).status).toBe(400)
    })
  },
})
