import Stripe from "stripe"
import { parseStripeForm, startFakeStripe, type FakeStripe } from "../fake-stripe"

// The fake must behave like Stripe for the calls payouts make, through the
// official SDK, or tests built on it would prove nothing.
describe("fake Stripe server, driven by the official stripe SDK", () => {
  let fake: FakeStripe
  let stripe: Stripe
  beforeAll(async () => {
    fake = await startFakeStripe()
    stripe = new Stripe("sk_test_fake", fake.sdkConfig())
  })
  afterAll(() => fake.close())

  it("parses Stripe's form encoding", () => {
    expect(parseStripeForm("a=1&metadata[payout_id]=po_1&items[0][id]=x&items[1][id]=y")).toEqual({
      a: "1",
      metadata: { payout_id: "po_1" },
      items: [{ id: "x" }, { id: "y" }],
    })
  })

  it("creates Express accounts and onboarding links", async () => {
    const account = await stripe.accounts.create({ type: "express", country: "DE", email: "v@x.example", metadata: { vendor_id: "ven_1" } })
    expect(account).toMatchObject({ type: "express", payouts_enabled: false, metadata: { vendor_id: "ven_1" } })
    const link = await stripe.accountLinks.create({
      account: account.id,
      type: "account_onboarding",
      refresh_url: "http://x/r",
      return_url: "http://x/d",
    })
    expect(link.url).toContain(account.id)
    fake.setAccount(account.id, { payouts_enabled: true, charges_enabled: true, details_submitted: true })
    expect((await stripe.accounts.retrieve(account.id)).payouts_enabled).toBe(true)
  })

  it("makes a transfer once per idempotency key, and fails on demand like Stripe", async () => {
    const account = await stripe.accounts.create({ type: "express" })
    const before = fake.transfersCreated()
    const params = { amount: 2198, currency: "eur", destination: account.id, metadata: { payout_id: "po_1" } }
    const first = await stripe.transfers.create(params, { idempotencyKey: "payout-po_1" })
    const again = await stripe.transfers.create(params, { idempotencyKey: "payout-po_1" })
    expect(again.id).toBe(first.id)
    expect(first).toMatchObject({ amount: 2198, currency: "eur", destination: account.id, metadata: { payout_id: "po_1" } })
    expect(fake.transfersCreated()).toBe(before + 1)

    fake.failNextTransfers(1)
    await expect(
      stripe.transfers.create({ ...params, metadata: { payout_id: "po_2" } }, { idempotencyKey: "payout-po_2" })
    ).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      code: "balance_insufficient",
    })
    expect(fake.transfersCreated()).toBe(before + 1)
    await expect(stripe.transfers.create(params, { idempotencyKey: "payout-po_3" })).resolves.toMatchObject({ amount: 2198 })
    expect(fake.transfersCreated()).toBe(before + 2)
    expect((await stripe.transfers.list({ destination: account.id })).data).toHaveLength(2)
  })

  it("verifies webhook signatures made with the SDK's own test helper", () => {
    const payload = JSON.stringify({ id: "evt_1", type: "account.updated", data: { object: { id: "acct_1" } } })
    const secret = "whsec_test"
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret })
    expect(stripe.webhooks.constructEvent(payload, header, secret).type).toBe("account.updated")
    expect(() => stripe.webhooks.constructEvent(payload, header, "whsec_other")).toThrow(/signature/i)
  })
})
