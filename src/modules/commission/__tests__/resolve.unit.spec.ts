import { allocateRounded, roundHalfEven } from "../../../lib/money"
import { commissionAmount, resolveRule, type RuleLike } from "../resolve"

const rule = (id: string, over: Partial<RuleLike>): RuleLike => ({
  id,
  name: id,
  rate_type: "percentage",
  value: 10,
  scope_type: "global",
  priority: 0,
  include_shipping: false,
  is_active: true,
  created_at: "2026-01-01T00:00:00Z",
  ...over,
})

const RULES = [
  rule("global-10", {}),
  rule("global-12-newer", { value: 12, created_at: "2026-02-01T00:00:00Z" }),
  rule("global-15-prio", { value: 15, priority: 5 }),
  rule("vendor-a-5", { scope_type: "vendor", scope_id: "ven_a", value: 5, include_shipping: true }),
  rule("cat-root-flat", {
    scope_type: "product_category",
    scope_id: "pcat_root",
    rate_type: "flat",
    value: 2,
    currency_code: "eur",
    min_amount: 3,
    max_amount: 5,
  }),
  rule("type-x", { scope_type: "product_type", scope_id: "ptyp_x", value: 7 }),
  rule("collection-y", { scope_type: "product_collection", scope_id: "pcol_y", value: 8 }),
  rule("product-p", { scope_type: "product", scope_id: "prod_p", value: 1 }),
  rule("inactive-product", { scope_type: "product", scope_id: "prod_q", value: 50, is_active: false }),
  rule("expired-product", { scope_type: "product", scope_id: "prod_r", value: 50, ends_at: "2026-03-01T00:00:00Z" }),
  rule("usd-only-product", { scope_type: "product", scope_id: "prod_s", value: 50, currency_code: "usd" }),
]
const AT = new Date("2026-06-01T00:00:00Z")

describe("resolveRule: which rule a line gets", () => {
  it.each([
    ["no rule at all → none", [], { vendor_id: "ven_b", currency_code: "eur" }, null],
    ["global only: higher priority beats newer", RULES, { vendor_id: "ven_b", currency_code: "eur" }, "global-15-prio"],
    ["vendor beats global", RULES, { vendor_id: "ven_a", currency_code: "eur" }, "vendor-a-5"],
    ["type beats vendor", RULES, { vendor_id: "ven_a", currency_code: "eur", type_id: "ptyp_x" }, "type-x"],
    [
      "collection beats type",
      RULES,
      { vendor_id: "ven_a", currency_code: "eur", type_id: "ptyp_x", collection_id: "pcol_y" },
      "collection-y",
    ],
    [
      "category (an ancestor) beats collection",
      RULES,
      { vendor_id: "ven_a", currency_code: "eur", collection_id: "pcol_y", category_ids: ["pcat_leaf", "pcat_root"] },
      "cat-root-flat",
    ],
    [
      "flat EUR rule does not match USD lines",
      RULES,
      { vendor_id: "ven_b", currency_code: "usd", category_ids: ["pcat_root"] },
      "global-15-prio",
    ],
    [
      "product beats category",
      RULES,
      { vendor_id: "ven_a", currency_code: "eur", product_id: "prod_p", category_ids: ["pcat_root"] },
      "product-p",
    ],
    ["inactive rule is skipped", RULES, { vendor_id: "ven_b", currency_code: "eur", product_id: "prod_q" }, "global-15-prio"],
    ["expired rule is skipped", RULES, { vendor_id: "ven_b", currency_code: "eur", product_id: "prod_r" }, "global-15-prio"],
    [
      "currency-bound rule only for its currency",
      RULES,
      { vendor_id: "ven_b", currency_code: "eur", product_id: "prod_s" },
      "global-15-prio",
    ],
    ["shipping: only rules that include shipping", RULES, { vendor_id: "ven_a", currency_code: "eur", shipping: true }, "vendor-a-5"],
    ["shipping without such a rule → none", RULES, { vendor_id: "ven_b", currency_code: "eur", shipping: true }, null],
  ] as const)("%s", (_name, rules, line, expected) => {
    expect(resolveRule(rules as any, line as any, AT)?.id ?? null).toBe(expected)
  })

  it("among equals, the newer wins, then the id decides", () => {
    const a = rule("a", { created_at: "2026-01-01T00:00:00Z" })
    const b = rule("b", { created_at: "2026-01-02T00:00:00Z" })
    const c = rule("c", { created_at: "2026-01-02T00:00:00Z" })
    expect(resolveRule([a, b], { vendor_id: "v", currency_code: "eur" }, AT)!.id).toBe("b")
    expect(resolveRule([c, b], { vendor_id: "v", currency_code: "eur" }, AT)!.id).toBe("b")
  })
})

describe("commissionAmount: what a rule charges", () => {
  const flat = RULES.find((r) => r.id === "cat-root-flat")!
  it.each([
    ["10% of 19.35 = 1.935 → 1.94 (half-even, 3 is odd)", rule("p", {}), 19.35, 3, "1.94"],
    ["10% of 32.25 = 3.225 → 3.22 (half-even, 2 is even)", rule("p", {}), 32.25, 5, "3.22"],
    ["5% of 289 = 14.45", rule("p", { value: 5 }), 289, 1, "14.45"],
    ["flat 2 × 1 = 2 → min 3", flat, 49.9, 1, "3"],
    ["flat 2 × 2 = 4 (within min and max)", flat, 99.8, 2, "4"],
    ["flat 2 × 3 = 6 → max 5", flat, 149.7, 3, "5"],
    ["never more than the base", flat, 1.5, 1, "1.5"],
    ["no rule → 0", null, 100, 1, "0"],
  ] as const)("%s", (_name, r, base, qty, expected) => {
    expect(
      commissionAmount(r as any, base, qty, "eur")
        .toJSON()
        .toString()
    ).toBe(expected)
  })

  it("rounds to the currency's precision: JPY 0 digits, KWD 3", () => {
    expect(roundHalfEven(12.5, "jpy").numeric).toBe(12)
    expect(roundHalfEven(13.5, "jpy").numeric).toBe(14)
    expect(roundHalfEven(1.2345, "kwd").numeric).toBe(1.234)
  })
})

describe("allocateRounded: cents that add up", () => {
  it("gives the rounded sum exactly, remainders to the largest fractions", () => {
    const parts = [120.28785464902609, 337.1613967291437, 28.07074862183021] // sum 485.52
    const cents = allocateRounded(parts, "eur").map((b) => b.numeric)
    expect(cents).toEqual([120.29, 337.16, 28.07])
    expect(Math.round(cents.reduce((a, c) => a + c, 0) * 100)).toBe(48552)
  })
  it("three thirds of 1.00", () => {
    expect(allocateRounded([1 / 3, 1 / 3, 1 / 3], "eur").map((b) => b.numeric)).toEqual([0.34, 0.33, 0.33])
  })
})
