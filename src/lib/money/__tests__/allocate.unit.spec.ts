import fc from "fast-check"
import { BigNumber } from "@medusajs/framework/utils"
import { allocateMinor, fromMinor, rawAmount, toMinor, wholeCount } from ".."

describe("allocateMinor", () => {
  it("splits to the cent in proportion, ties to the earlier part", () => {
    expect(allocateMinor(100, [1, 1, 1])).toEqual([34, 33, 33])
    expect(allocateMinor(15465, ["149.7", "4.95"])).toEqual([14970, 495])
    expect(allocateMinor(-1000, [3, 1])).toEqual([-750, -250])
    expect(allocateMinor(5, [0, 0])).toEqual([3, 2])
    expect(allocateMinor(0, [2, 5])).toEqual([0, 0])
  })

  it("always adds up to the target and never differs from the exact share by a cent or more", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 12 }),
        (target, weights) => {
          const parts = allocateMinor(target, weights)
          const total = weights.reduce((a, b) => a + b, 0)
          expect(parts.reduce((a, b) => a + b, 0)).toBe(target)
          parts.forEach((p, i) => expect(Math.abs(p - (target * weights[i]) / total)).toBeLessThan(1))
        }
      )
    )
  })

  it("converts between major and minor units per currency", () => {
    expect([
      toMinor("154.65", "eur"),
      toMinor("0.125", "eur"),
      toMinor("0.135", "eur"),
      toMinor("1500", "jpy"),
      toMinor("1.2345", "kwd"),
    ]).toEqual([15465, 12, 14, 1500, 1234])
    expect([fromMinor(15465, "eur"), fromMinor("1500", "jpy"), fromMinor(-3, "eur")]).toEqual([154.65, 1500, -0.03])
  })
})

describe("rawAmount", () => {
  it("prefers the raw column, then the rounded one, then the fallback", () => {
    expect(rawAmount({ total: 10, raw_total: { value: "10.005", precision: 20 } }, "total")).toEqual({ value: "10.005", precision: 20 })
    expect(rawAmount({ total: 10 }, "total")).toBe(10)
    expect(rawAmount({ refunded_total: null }, "refunded_total")).toBe(0)
    expect(rawAmount({}, "amount", 5)).toBe(5)
  })
})

describe("wholeCount", () => {
  it("reads a count in any of Medusa's shapes and refuses what is not a whole number ≥ 0", () => {
    expect([
      wholeCount(3),
      wholeCount("7"),
      wholeCount(new BigNumber(2)),
      wholeCount({ value: "5", precision: 20 }),
      wholeCount(0),
    ]).toEqual([3, 7, 2, 5, 0])
    for (const bad of [undefined, null, NaN, -1, 1.5, "x"]) expect(() => wholeCount(bad as any)).toThrow("Not a whole count")
  })
})
