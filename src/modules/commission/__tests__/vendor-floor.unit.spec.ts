import fc from "fast-check"
import { MathBN } from "@medusajs/framework/utils"
import { CATALOGUE_SCOPES, commissionAmount, floorRule, resolveCommission, resolveRule, type LineContext, type RuleLike } from "../resolve"

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
const AT = new Date("2026-06-01T00:00:00Z")
const str = (b: any) => MathBN.convert(b).toString()

describe("resolveCommission: the vendor floor (issue 14, item 7)", () => {
  const global10 = rule("global-10", {})
  const vendor8 = rule("vendor-a-8", { scope_type: "vendor", scope_id: "ven_a", value: 8 })
  const books3 = rule("books-3", { scope_type: "product_category", scope_id: "pcat_books", value: 3 })
  const luxury20 = rule("luxury-20", { scope_type: "product_collection", scope_id: "pcol_lux", value: 20 })
  const promo2 = rule("promo-2", { scope_type: "product_type", scope_id: "ptyp_promo", value: 2, overrides_vendor_floor: true })
  const product1 = rule("product-p-1", { scope_type: "product", scope_id: "prod_p", value: 1 })
  const flatCap = rule("cat-flat", {
    scope_type: "product_category",
    scope_id: "pcat_flat",
    rate_type: "flat",
    value: 0.5,
    currency_code: "eur",
  })
  const RULES = [global10, vendor8, books3, luxury20, promo2, product1, flatCap]
  const line = (over: Partial<LineContext>): LineContext => ({ vendor_id: "ven_a", currency_code: "eur", ...over })
  const charge = (l: LineContext, base = 100, qty = 1, rules = RULES) => {
    const r = resolveCommission(rules, l, base, qty, AT)
    return [r.rule?.id ?? null, str(r.amount), r.floored]
  }

  it.each([
    ["no catalogue tag: the vendor rule", line({}), ["vendor-a-8", "8", false]],
    ["a lower category rule cannot go below the vendor rule", line({ category_ids: ["pcat_books"] }), ["vendor-a-8", "8", true]],
    ["a higher collection rule raises it", line({ collection_id: "pcol_lux" }), ["luxury-20", "20", false]],
    [
      "category outranks collection, but the floor holds",
      line({ category_ids: ["pcat_books"], collection_id: "pcol_lux" }),
      ["vendor-a-8", "8", true],
    ],
    ["an overriding type rule may go below the floor", line({ type_id: "ptyp_promo" }), ["promo-2", "2", false]],
    [
      "a product rule set by the operator is exact",
      line({ product_id: "prod_p", category_ids: ["pcat_books"] }),
      ["product-p-1", "1", false],
    ],
    [
      "without a vendor rule, the global rule is the floor",
      line({ vendor_id: "ven_b", category_ids: ["pcat_books"] }),
      ["global-10", "10", true],
    ],
    ["amounts are compared, not rates: flat 0.50 × 3 < 8% of 100", line({ category_ids: ["pcat_flat"] }), ["vendor-a-8", "8", true]],
  ] as const)("%s", (_name, l, expected) => {
    expect(charge(l as LineContext)).toEqual(expected)
  })

  it("a flat catalogue rule that charges more than the floor on this line is kept", () => {
    // flat 0.50 × 30 = 15 > 8% of 100.
    expect(charge(line({ category_ids: ["pcat_flat"] }), 100, 30)).toEqual(["cat-flat", "15", false])
  })

  it("no floor rule at all: the catalogue rule is charged", () => {
    expect(charge(line({ category_ids: ["pcat_books"] }), 100, 1, [books3])).toEqual(["books-3", "3", false])
  })

  it("the floor uses the vendor's best vendor rule (priority), and only rules that apply (window, currency)", () => {
    const vendorHigh = rule("vendor-a-9-prio", { scope_type: "vendor", scope_id: "ven_a", value: 9, priority: 5 })
    const expired = rule("vendor-a-50-expired", {
      scope_type: "vendor",
      scope_id: "ven_a",
      value: 50,
      priority: 9,
      ends_at: "2026-03-01T00:00:00Z",
    })
    const usd = rule("vendor-a-40-usd", { scope_type: "vendor", scope_id: "ven_a", value: 40, priority: 9, currency_code: "usd" })
    const rules = [global10, vendor8, vendorHigh, expired, usd, books3]
    expect(floorRule(rules, line({}), AT)?.id).toBe("vendor-a-9-prio")
    expect(charge(line({ category_ids: ["pcat_books"] }), 49.9, 1, rules)).toEqual(["vendor-a-9-prio", "4.49", true]) // 4.491 → 4.49
  })

  it("resolveRule still reports the most specific rule (what the floor is applied to)", () => {
    expect(resolveRule(RULES, line({ category_ids: ["pcat_books"] }), AT)?.id).toBe("books-3")
  })
})

/**
 * The property: for any rules and any catalogue tags a vendor gives its
 * product (categories, collection, type: what POST /vendor/products/:id can
 * change), the line's commission is never below what the vendor's floor
 * rule charges, unless the rule charged is an overriding catalogue rule or
 * a product rule (which the vendor cannot choose). And a retag never takes
 * the commission below the untagged commission in the same way.
 */
describe("property: tagging its own products never lowers a vendor's commission", () => {
  const CATS = ["pcat_1", "pcat_2", "pcat_3"]
  const COLS = ["pcol_1", "pcol_2"]
  const TYPES = ["ptyp_1", "ptyp_2"]
  const PRODUCTS = ["prod_1", "prod_2"]
  const VENDORS = ["ven_a", "ven_b"]

  const cents = fc.integer({ min: 0, max: 50_000 }).map((c) => c / 100)
  const arbRule = fc.record({
    scope_type: fc.constantFrom("global", "vendor", "product_category", "product_collection", "product_type", "product"),
    pick: fc.nat(10),
    rate_type: fc.constantFrom("percentage", "flat"),
    pct: fc.integer({ min: 0, max: 10_000 }).map((v) => v / 100),
    flat: cents,
    currency_code: fc.constantFrom(null, "eur", "usd"),
    min_amount: fc.option(cents, { nil: null }),
    max_amount: fc.option(cents, { nil: null }),
    priority: fc.integer({ min: -3, max: 3 }),
    is_active: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
    overrides_vendor_floor: fc.boolean(),
    include_shipping: fc.boolean(),
    day: fc.integer({ min: 1, max: 28 }),
  })
  const rulesArb = fc.array(arbRule, { maxLength: 12 }).map((rs) =>
    rs.map((r, i): RuleLike => {
      const scopeIds: Record<string, string[]> = {
        vendor: VENDORS,
        product_category: CATS,
        product_collection: COLS,
        product_type: TYPES,
        product: PRODUCTS,
      }
      const ids = scopeIds[r.scope_type]
      const flat = r.rate_type === "flat"
      const currency = flat ? (r.currency_code ?? "eur") : r.currency_code
      return {
        id: `r${i}`,
        rate_type: r.rate_type as any,
        value: flat ? r.flat : r.pct,
        currency_code: currency,
        min_amount: currency ? r.min_amount : null,
        max_amount: currency ? r.max_amount : null,
        scope_type: r.scope_type as any,
        scope_id: ids ? ids[r.pick % ids.length] : null,
        priority: r.priority,
        include_shipping: r.include_shipping,
        is_active: r.is_active,
        overrides_vendor_floor: r.overrides_vendor_floor,
        created_at: `2026-01-${String(r.day).padStart(2, "0")}T00:00:00Z`,
      }
    })
  )
  const tagsArb = fc.record({
    category_ids: fc.subarray(CATS),
    collection_id: fc.constantFrom(null, ...COLS),
    type_id: fc.constantFrom(null, ...TYPES),
  })
  const lineArb = fc.record({
    vendor_id: fc.constantFrom(...VENDORS),
    currency_code: fc.constantFrom("eur", "usd"),
    product_id: fc.constantFrom(...PRODUCTS),
    base: cents,
    quantity: fc.integer({ min: 1, max: 20 }),
  })

  it("the commission is at least the floor rule's amount unless an overriding catalogue rule or a product rule is charged", () => {
    fc.assert(
      fc.property(rulesArb, lineArb, tagsArb, (rules, l, tags) => {
        const ctx: LineContext = { vendor_id: l.vendor_id, currency_code: l.currency_code, product_id: l.product_id, ...tags }
        const { rule: charged, amount } = resolveCommission(rules, ctx, l.base, l.quantity, AT)
        const floor = floorRule(rules, ctx, AT)
        const floorAmount = commissionAmount(floor, l.base, l.quantity, l.currency_code)
        const exempt =
          !!charged &&
          (charged.scope_type === "product" || (CATALOGUE_SCOPES.includes(charged.scope_type) && !!charged.overrides_vendor_floor))
        if (!exempt) expect(MathBN.gte(amount, floorAmount)).toBe(true)
        // The charged amount is always what the charged rule itself charges (the line's snapshot is honest).
        expect(str(amount)).toBe(str(commissionAmount(charged, l.base, l.quantity, l.currency_code)))
      }),
      { numRuns: 2000 }
    )
  })

  it("retagging a product (any categories, collection, type) never takes it below the untagged commission, unless the new rule overrides the floor or is a product rule", () => {
    fc.assert(
      fc.property(rulesArb, lineArb, tagsArb, tagsArb, (rules, l, before, after) => {
        const base = { vendor_id: l.vendor_id, currency_code: l.currency_code, product_id: l.product_id }
        // The vendor's own rule amount: the line with no catalogue tags at all (product rules aside).
        const untagged = resolveCommission(rules, { vendor_id: l.vendor_id, currency_code: l.currency_code }, l.base, l.quantity, AT)
        for (const tags of [before, after]) {
          const r = resolveCommission(rules, { ...base, ...tags }, l.base, l.quantity, AT)
          const exempt = !!r.rule && (r.rule.scope_type === "product" || !!r.rule.overrides_vendor_floor)
          if (!exempt) expect(MathBN.gte(r.amount, untagged.amount)).toBe(true)
        }
      }),
      { numRuns: 2000 }
    )
  })
})
