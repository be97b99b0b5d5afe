import { defaultEnabled, effectivePreferences } from "../categories"
import { signUnsubscribeToken, UNSUBSCRIBE_TOKEN_TTL_SECONDS, verifyUnsubscribeToken } from "../unsubscribe-token"

const SECRET = "a-test-secret-that-is-long-enough-1234"

describe("notification preference defaults", () => {
  it("customers: every category × channel, e-mail on except marketing, sms off", () => {
    const all = effectivePreferences("customer", [])
    expect(all).toHaveLength(8)
    expect(all.filter((p) => p.enabled).map((p) => `${p.category}/${p.channel}`)).toEqual([
      "orders/email",
      "shipping/email",
      "stock_alerts/email",
    ])
    expect(defaultEnabled("marketing", "email")).toBe(false)
  })

  it("vendor members: orders, payouts, account; a stored choice wins over the default", () => {
    const all = effectivePreferences("vendor_member", [
      { category: "orders", channel: "email", enabled: false },
      { category: "payouts", channel: "sms", enabled: true },
    ])
    expect(all.map((p) => `${p.category}/${p.channel}=${p.enabled}`)).toEqual([
      "orders/email=false",
      "orders/sms=false",
      "payouts/email=true",
      "payouts/sms=true",
      "account/email=true",
      "account/sms=false",
    ])
  })
})

describe("unsubscribe tokens", () => {
  const claims = { recipient_type: "customer" as const, recipient_id: "cus_1", category: "marketing" as const }

  it("round-trips the claims", () => {
    expect(verifyUnsubscribeToken(signUnsubscribeToken(claims, SECRET), SECRET)).toEqual({ ok: true, claims })
  })

  it("refuses an altered payload, another secret, an expired token and junk, with a reason", () => {
    const token = signUnsubscribeToken(claims, SECRET)
    const [v, payload, sig] = token.split(".")
    const other = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, "base64url").toString()), i: "cus_2" })).toString(
      "base64url"
    )
    expect(verifyUnsubscribeToken(`${v}.${other}.${sig}`, SECRET)).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid/) })
    expect(verifyUnsubscribeToken(token, "another-secret-another-secret-000")).toMatchObject({ ok: false })
    const later = Date.now() + (UNSUBSCRIBE_TOKEN_TTL_SECONDS + 60) * 1000
    expect(verifyUnsubscribeToken(token, SECRET, later)).toMatchObject({ ok: false, reason: expect.stringMatching(/expired/) })
    for (const junk of ["", "v1", "v1..", "v2.a.b", 42, null, `${token}.x`]) {
      expect(verifyUnsubscribeToken(junk, SECRET)).toMatchObject({ ok: false })
    }
  })

  it("refuses a signed token whose category does not belong to the recipient type", () => {
    // Signed correctly, but a vendor member has no marketing category.
    const token = signUnsubscribeToken({ recipient_type: "vendor_member", recipient_id: "vmem_1", category: "marketing" }, SECRET)
    expect(verifyUnsubscribeToken(token, SECRET)).toMatchObject({ ok: false, reason: expect.stringMatching(/malformed/) })
  })
})
