import { REDACTED, TEMPLATES, redactSecrets } from ".."

describe("redactSecrets", () => {
  it("masks each security template's credential and every unsubscribe link, and nothing else", () => {
    expect(redactSecrets("otp-code", { code: "123456", expires_in_minutes: 10 })).toEqual({ code: REDACTED, expires_in_minutes: 10 })
    expect(redactSecrets("password-reset", { reset_url: "https://x/reset?token=a", actor_type: "vendor" })).toEqual({
      reset_url: REDACTED,
      actor_type: "vendor",
    })
    expect(redactSecrets("email-verification", { verify_url: "https://x/v?token=b" })).toEqual({ verify_url: REDACTED })
    expect(redactSecrets("vendor-invite", { vendor_name: "Alpha", accept_url: "https://x/i?token=c" })).toEqual({
      vendor_name: "Alpha",
      accept_url: REDACTED,
    })
    expect(redactSecrets("back-in-stock", { title: "Lamp", unsubscribe_url: "https://x/u?sig=d" })).toEqual({
      title: "Lamp",
      unsubscribe_url: REDACTED,
    })
    const plain = { title: "Lamp" }
    expect(redactSecrets("back-in-stock", plain)).toBe(plain)
    expect(redactSecrets("unknown-template", { code: "1" })).toEqual({ code: "1" })
    expect([redactSecrets("otp-code", null), redactSecrets("otp-code", undefined)]).toEqual([null, undefined])
  })

  it("every security template that puts a code or a link with a token in its data declares it secret", () => {
    const carriesToken = (v: unknown) => typeof v === "string" && /[?&](token|code|sig)=/.test(v)
    for (const t of Object.values(TEMPLATES).filter((t) => t.category === "security")) {
      const risky = Object.keys(t.example).filter((k) => k === "code" || carriesToken(t.example[k]))
      expect({ template: t.name, undeclared: risky.filter((k) => !(t.secrets ?? []).includes(k)) }).toEqual({
        template: t.name,
        undeclared: [],
      })
    }
  })
})
