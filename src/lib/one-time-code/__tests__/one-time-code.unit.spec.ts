import {
  codeDigest,
  codeMatches,
  codeUnusable,
  generateCode,
  normalizeIdentifier,
  OTP_MAX_ATTEMPTS,
  resendBlocked,
  type OtpState,
} from ".."

const SECRET = "a-test-secret-of-some-length"
const state = (over: Partial<OtpState> = {}, code = "042917"): OtpState => ({
  digest: codeDigest(SECRET, { actor_type: "customer", identifier: "a@b.example", code }),
  actor_type: "customer",
  channel: "email",
  issued_at: "2026-12-02T10:00:00.000Z",
  expires_at: "2026-12-02T10:10:00.000Z",
  attempts: 0,
  ...over,
})

describe("one-time codes", () => {
  it("makes 6-digit codes, leading zeros kept", () => {
    const codes = Array.from({ length: 2000 }, generateCode)
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true)
    expect(new Set(codes).size).toBeGreaterThan(1990)
  })

  it("binds the digest to the secret, the actor type, the identifier and the code", () => {
    const s = state()
    expect(codeMatches(SECRET, s, "a@b.example", "042917")).toBe(true)
    expect(codeMatches(SECRET, s, "a@b.example", "042918")).toBe(false)
    expect(codeMatches(SECRET, s, "other@b.example", "042917")).toBe(false)
    expect(codeMatches("another-secret-entirely", s, "a@b.example", "042917")).toBe(false)
    expect(codeMatches(SECRET, { ...s, actor_type: "vendor" }, "a@b.example", "042917")).toBe(false)
    expect(s.digest).toMatch(/^[0-9a-f]{64}$/)
    expect(s.digest).not.toContain("042917")
  })

  it("says why a code can no longer be used", () => {
    const at = new Date("2026-12-02T10:05:00.000Z")
    expect(codeUnusable(state(), "customer", at)).toBeNull()
    expect(codeUnusable(null, "customer", at)).toBe("no code")
    expect(codeUnusable(state(), "vendor", at)).toBe("issued for another actor type")
    expect(codeUnusable(state(), "customer", new Date("2026-12-02T10:10:00.000Z"))).toBe("expired")
    expect(codeUnusable(state({ attempts: OTP_MAX_ATTEMPTS - 1 }), "customer", at)).toBeNull()
    expect(codeUnusable(state({ attempts: OTP_MAX_ATTEMPTS }), "customer", at)).toBe("too many wrong codes")
  })

  it("blocks a resend for 60 seconds after a code, not after a used one", () => {
    expect(resendBlocked(state(), new Date("2026-12-02T10:00:59.999Z"))).toBe(true)
    expect(resendBlocked(state(), new Date("2026-12-02T10:01:00.000Z"))).toBe(false)
    expect(resendBlocked(null)).toBe(false)
  })

  it("compares identifiers case-insensitively", () => {
    expect(normalizeIdentifier("  Erika@Example.COM ")).toBe("erika@example.com")
  })
})
