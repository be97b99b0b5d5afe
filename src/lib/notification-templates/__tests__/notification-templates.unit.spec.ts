import { money, render, TEMPLATES, templateCategory } from ".."

const UNSUBSCRIBE = "https://shop.example.com/unsubscribe?token=t1"
const SECURITY = [
  "vendor-invite",
  "company-invite",
  "payout-account-changed",
  "password-reset",
  "password-changed",
  "two-factor-changed",
  "otp-code",
  "email-verification",
]

describe("notification templates", () => {
  const names = Object.keys(TEMPLATES)

  it("registers every template Lilium sends today and the ones coming next", () => {
    expect(names.sort()).toEqual(
      [
        "vendor-invite",
        "vendor-order-created",
        "vendor-order-shipped",
        "vendor-approved",
        "vendor-rejected",
        "vendor-suspended",
        "vendor-reinstated",
        "payout-paid",
        "payout-failed",
        "payout-account-payout-failed",
        "payout-account-changed",
        "password-reset",
        "password-changed",
        "two-factor-changed",
        "otp-code",
        "email-verification",
        "order-confirmation",
        "back-in-stock",
        "company-invite",
        "company-approval-requested",
        "company-approval-decided",
        "invoice-overdue",
        "vendor-quote-requested",
        "quote-answered",
        "quote-message",
      ].sort()
    )
  })

  it.each(names)("%s renders subject, html, text and sms from its documented data", (name) => {
    const t = TEMPLATES[name]
    const r = render(name, t.example)
    expect(r.fallback).toBe(false)
    expect(r.subject.length).toBeGreaterThan(5)
    expect(r.subject).not.toMatch(/undefined|null|\[object/)
    expect(r.html).toMatch(/^<!doctype html>/)
    expect(r.html).toContain("Lilium")
    expect(r.text.startsWith("Lilium\n")).toBe(true)
    for (const out of [r.html, r.text, r.sms]) expect(out).not.toMatch(/undefined|\[object Object\]/)
    expect(r.sms.length).toBeGreaterThan(5)
    // Every URL of the data appears in both parts (escaped in HTML).
    for (const [key, value] of Object.entries(t.example)) {
      if (typeof value === "string" && /^https?:/.test(value)) {
        expect({ key, inText: r.text.includes(value) }).toEqual({ key, inText: true })
        expect({ key, inHtml: r.html.includes(value.replace(/&/g, "&amp;")) }).toEqual({ key, inHtml: true })
      }
    }
  })

  it.each(names)("%s: unsubscribe link only in non-security mail", (name) => {
    const r = render(name, { ...TEMPLATES[name].example, unsubscribe_url: UNSUBSCRIBE })
    const security = SECURITY.includes(name)
    expect(templateCategory(name) === "security").toBe(security)
    expect(r.html.includes(`href="${UNSUBSCRIBE}"`)).toBe(!security)
    expect(r.text.includes(`Unsubscribe: ${UNSUBSCRIBE}`)).toBe(!security)
    // Without a URL there is no link at all.
    expect(render(name, TEMPLATES[name].example).html).not.toContain("Unsubscribe")
  })

  it("escapes every interpolated value, and links only http(s) URLs", () => {
    const evil = `<script>alert("x")</script>&'`
    for (const name of names) {
      const data: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(TEMPLATES[name].example)) data[k] = typeof v === "string" && !/^https?:/.test(v) ? evil : v
      data.items = [{ title: evil, quantity: 1 }]
      data.vendors = [{ vendor_name: evil, items: [{ title: evil, quantity: 1 }] }]
      const r = render(name, data)
      expect({ name, raw: r.html.includes("<script>") }).toEqual({ name, raw: false })
      if (r.text.includes(evil)) expect(r.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;")
    }
    const r = render("vendor-invite", { vendor_name: "A", role: "admin", accept_url: "javascript:alert(1)" })
    expect(r.html).not.toContain("javascript:")
    const u = render("payout-paid", { ...TEMPLATES["payout-paid"].example, unsubscribe_url: 'https://x.example/u?a=1&b="2"' })
    expect(u.html).toContain('href="https://x.example/u?a=1&amp;b=&quot;2&quot;"')
  })

  it("unknown templates fall back to a message that lists the data, and never throw", () => {
    const r = render("no-such-template", { email: "a@b.example", nested: { x: "<b>" }, unsubscribe_url: UNSUBSCRIBE })
    expect(r.fallback).toBe(true)
    expect(r.subject).toBe("Lilium: no such template")
    expect(r.text).toContain("email: a@b.example")
    expect(r.text).toContain('nested: {"x":"<b>"}')
    expect(r.html).toContain("&lt;b&gt;")
    expect(r.html).toContain(UNSUBSCRIBE)
    expect(render("", null).fallback).toBe(true)
    // Odd data in a known template still renders.
    expect(() => render("order-confirmation", { vendors: "nope", items: 3, total: { weird: true } })).not.toThrow()
  })

  it("uses MARKETPLACE_NAME or the option for the layout", () => {
    const before = process.env.MARKETPLACE_NAME
    process.env.MARKETPLACE_NAME = "Acme & Co"
    try {
      const r = render("otp-code", { code: "654321", expires_in_minutes: 10 })
      expect(r.text.startsWith("Acme & Co\n")).toBe(true)
      expect(r.html).toContain("Acme &amp; Co")
      expect(r.sms).toBe("654321 is your Acme & Co code. It expires in 10 minutes. Do not share it.")
      expect(render("otp-code", { code: "1" }, { marketplaceName: "Other" }).subject).toBe("1 is your Other sign-in code")
    } finally {
      if (before === undefined) delete process.env.MARKETPLACE_NAME
      else process.env.MARKETPLACE_NAME = before
    }
  })

  it("formats amounts with Intl from numbers or numeric strings (exactly), and keeps preformatted ones", () => {
    expect(money(1234.5, "eur")).toBe("€1,234.50")
    expect(money("12345678901234567.89", "usd")).toBe("$12,345,678,901,234,567.89")
    expect(money("€12,50", "eur")).toBe("€12,50")
    expect(money(10, "jpy")).toBe("¥10")
    expect(money({ toJSON: () => "7.1" }, "EUR")).toBe("€7.10")
    expect(money({ value: "3" }, "eur")).toBe("€3.00")
    expect(money(5, "")).toBe("5")
    expect(money(1234.5, "eur", "de-DE").replace(/\u00a0/g, " ")).toBe("1.234,50 €") // Intl puts a no-break space
    const r = render("order-confirmation", TEMPLATES["order-confirmation"].example)
    expect(r.text).toContain("Total: €47.00")
    expect(r.text).toContain("1 × Beta Bag (€20.00)")
  })
})
