import fc from "fast-check"
import { z } from "@medusajs/framework/zod"
import { accepts, hostileValidBodies, malformedArbitrary, oneBrokenCases, slots, validBody } from "../zod-fuzz"
import { expandMatcher, matcherRegex, samplePath } from "../route-table"
import { unstorableText } from "../../../src/api/utils/validation"

const Rule = z
  .object({
    name: z.string().trim().min(1).max(200),
    rate_type: z.enum(["percentage", "flat"]),
    value: z.number().nonnegative().finite(),
    currency_code: z
      .string()
      .length(3)
      .transform((c) => c.toLowerCase())
      .nullish(),
    scope: z.object({ type: z.enum(["global", "vendor"]), id: z.string().min(1).nullish() }).strict(),
    items: z.array(z.object({ id: z.string().min(1), quantity: z.number().int().positive() }).strict()).min(1),
    starts_at: z.coerce.date().nullish(),
    ends_at: z.coerce.date().nullish(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.rate_type === "flat" && !r.currency_code) ctx.addIssue({ code: "custom", path: ["currency_code"], message: "needed" })
    if (r.scope.type === "vendor" && !r.scope.id) ctx.addIssue({ code: "custom", path: ["scope", "id"], message: "needed" })
    if (r.starts_at && r.ends_at && r.starts_at >= r.ends_at) ctx.addIssue({ code: "custom", path: ["ends_at"], message: "after" })
  })

describe("zod-fuzz", () => {
  it("builds minimal and full valid bodies, cross-field rules included", () => {
    const min = validBody(Rule, false)
    const full = validBody(Rule, true) as any
    expect(accepts(Rule, min)).toBe(true)
    expect(accepts(Rule, full)).toBe(true)
    expect(Object.keys(min as object).sort()).toEqual(["items", "name", "rate_type", "scope", "value"])
    expect(full.items[0]).toEqual({ id: expect.any(String), quantity: expect.any(Number) })
  })

  it("finds every field, nested ones included", () => {
    const full = validBody(Rule, true)
    const paths = slots(Rule, full).map((s) => s.path.join("."))
    expect(paths).toEqual(
      expect.arrayContaining(["name", "scope.type", "scope.id", "items.0", "items.0.id", "items.0.quantity", "ends_at"])
    )
  })

  it("breaks one thing at a time, every case refused by the schema, each field once before any twice", () => {
    const full = validBody(Rule, true)
    const all = oneBrokenCases(Rule, full)
    expect(all.length).toBeGreaterThan(50)
    for (const c of all) expect(accepts(Rule, c.body)).toBe(false)
    expect(all.map((c) => c.label)).toEqual(
      expect.arrayContaining(["name: missing", "value: number", "items: object", "items.0: missing", "(body): unknown top-level field"])
    )
    const some = oneBrokenCases(Rule, full, 12, 7)
    const fields = some.map((c) => c.label.split(":")[0])
    expect(new Set(fields).size).toBe(12)
  })

  it("fast-check bodies are always refused by the schema", () => {
    const base = validBody(Rule, true)
    for (const c of fc.sample(malformedArbitrary(Rule, base)!, { numRuns: 200, seed: 42 })) expect(accepts(Rule, c.body)).toBe(false)
    expect(malformedArbitrary(z.any(), {})).toBeNull()
  })

  it("hostile bodies are accepted by the schema (the server decides)", () => {
    const base = validBody(Rule, false)
    const hostile = hostileValidBodies(Rule, base)
    expect(hostile.map((h) => h.label.split(" in ")[0])).toEqual(expect.arrayContaining(["nul", "lone_surrogate", "unicode"]))
    for (const h of hostile) expect(accepts(Rule, h.body)).toBe(true)
  })
})

describe("route-table", () => {
  it("matches Medusa matchers and expands alternations", () => {
    expect(expandMatcher("/admin/vendors/:id/(approve|reject)")).toEqual(["/admin/vendors/:id/approve", "/admin/vendors/:id/reject"])
    expect(matcherRegex("/vendor*").test("/vendor/orders/x")).toBe(true)
    expect(matcherRegex("/admin/commission-rules/:id").test(samplePath("/admin/commission-rules/:id"))).toBe(true)
    expect(matcherRegex("/admin/commission-rules/:id").test("/admin/commission-rules/x/y")).toBe(false)
  })
})

describe("unstorableText", () => {
  it("names the first NUL or unpaired surrogate, in values and keys", () => {
    expect(unstorableText({ a: "ok", b: ["fine 😀"] })).toBeNull()
    expect(unstorableText({ a: { b: ["x", "y\u0000"] } })).toBe("a.b[1]")
    expect(unstorableText({ "k\u0000": 1 })).toBe("k\u0000")
    expect(unstorableText("abc\uD800")).toBe("(body)")
    expect(unstorableText("\uDC00")).toBe("(body)")
  })
})
