import { z } from "@medusajs/framework/zod"
import { amountProblem, currencyDecimals, decimalsOf, lineQuantity, moneyAmount, moneyEnvProblems, quantityProblem } from "../money-input"
import { priceProblems } from "../../api/utils/amounts"

describe("money input", () => {
  const env = { ...process.env }
  afterEach(() => {
    process.env = { ...env }
  })

  it("counts decimals as JSON wrote them", () => {
    expect([decimalsOf(19.99), decimalsOf(5), decimalsOf(0.1 + 0.2), decimalsOf(1e-7), decimalsOf(1e21)]).toEqual([2, 0, 17, 7, 0])
  })

  it("refuses negative, non-finite, too large and too precise amounts, per sign rule", () => {
    const p = (v: unknown, sign: any, currency_code?: string) => amountProblem(v, { sign, currency_code })
    expect(p(-5, "nonnegative")).toBe("must not be negative")
    expect(p(0, "nonnegative")).toBeNull()
    expect(p(0, "positive")).toBe("must be greater than 0")
    expect(p(0, "nonzero")).toBe("must not be 0")
    expect(p(-12.5, "nonzero", "eur")).toBeNull()
    expect(p(Infinity, "nonnegative")).toBe("must be a finite number")
    expect(p(NaN, "nonnegative")).toBe("must be a finite number")
    expect(p("5", "nonnegative")).toBe("must be a finite number")
    expect(p(1_000_000, "nonnegative")).toBeNull()
    expect(p(1_000_000.01, "nonnegative")).toBe("must be at most 1000000")
    expect(p(-1_000_001, "nonzero")).toBe("must be between -1000000 and 1000000")
    expect(p(10.005, "nonnegative", "eur")).toBe("has more decimals than EUR allows (2)")
    expect(p(10.5, "nonnegative", "jpy")).toBe("has more decimals than JPY allows (0)")
    expect(p(1.234, "nonnegative", "kwd")).toBeNull()
    expect(p(1.00001, "nonnegative")).toBe("must have at most 4 decimals")
    process.env.MARKETPLACE_MAX_AMOUNT = "500"
    expect(p(500.01, "positive")).toBe("must be at most 500")
  })

  it("checks decimals against the object's currency", () => {
    const price = z.object({ currency_code: z.string(), amount: moneyAmount("nonnegative") }).superRefine(currencyDecimals())
    expect(price.safeParse({ currency_code: "eur", amount: 19.99 }).success).toBe(true)
    const bad = price.safeParse({ currency_code: "usd", amount: 19.999 })
    expect(bad.success ? null : bad.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["amount", "amount has more decimals than USD allows (2)"],
    ])
    const neg = price.safeParse({ currency_code: "eur", amount: -5 })
    expect(neg.success ? null : neg.error.issues.map((i) => i.message)).toEqual(["amount must not be negative"])
  })

  it("takes whole quantities from 1 (0 where it removes the line) to the maximum", () => {
    expect([quantityProblem(1), quantityProblem(10_000), quantityProblem(0, 0)]).toEqual([null, null, null])
    expect([quantityProblem(0), quantityProblem(1.5), quantityProblem(10_001), quantityProblem(-1, 0)]).toEqual([
      "must be at least 1",
      "must be a whole number",
      "must be at most 10000",
      "must not be negative",
    ])
    expect(lineQuantity().safeParse(2).success).toBe(true)
    expect(lineQuantity().safeParse(2.5).success).toBe(false)
  })

  it("finds bad prices anywhere in a Medusa admin body", () => {
    expect(
      priceProblems({
        title: "x",
        variants: [
          {
            prices: [
              { currency_code: "eur", amount: 10 },
              { currency_code: "usd", amount: -1 },
            ],
          },
        ],
      })
    ).toBe("variants[0].prices[1].amount must not be negative")
    expect(
      priceProblems({
        prices: [
          { region_id: "reg_1", amount: 4.95 },
          { currency_code: "jpy", amount: 100.5 },
        ],
      })
    ).toBe("prices[1].amount has more decimals than JPY allows (0)")
    expect(priceProblems({ create: [{ currency_code: "eur", amount: 1e9, variant_id: "v" }] }, true)).toBe(
      "create[0].amount must be at most 1000000"
    )
    expect(priceProblems({ amount: -1, metadata: { amount: -1 } })).toBeNull()
    expect(priceProblems({ variants: [{ prices: [{ currency_code: "eur", amount: 0, rules: { amount: "x" } }] }] })).toBeNull()
  })

  it("names bad money settings", () => {
    expect(
      moneyEnvProblems({ MARKETPLACE_MAX_AMOUNT: "-1", MARKETPLACE_MAX_QUANTITY: "2.5", MARKETPLACE_MIN_PAYOUT: "-10" } as any)
    ).toEqual([
      "MARKETPLACE_MAX_AMOUNT=-1 must be a positive number",
      "MARKETPLACE_MAX_QUANTITY=2.5 must be a positive whole number",
      "MARKETPLACE_MIN_PAYOUT=-10 must not be negative",
    ])
    expect(moneyEnvProblems({ MARKETPLACE_MIN_PAYOUT: "25.50" } as any)).toEqual([])
    expect(moneyEnvProblems({ MARKETPLACE_MIN_PAYOUT: "abc" } as any)).toEqual(["MARKETPLACE_MIN_PAYOUT=abc must be a finite number"])
  })
})
