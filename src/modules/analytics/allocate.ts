import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { currencyPrecision } from "../commission/resolve"

/** An amount in the currency's major unit as an integer of minor units (exact, half-even). */
export function toMinor(amount: BigNumberInput, currencyCode: string): number {
  return MathBN.convert(amount).shiftedBy(currencyPrecision(currencyCode)).decimalPlaces(0, 6 /* ROUND_HALF_EVEN */).toNumber()
}

/** Minor units back to the currency's major unit, for the API (exact for cents). */
export function fromMinor(minor: number | string | bigint, currencyCode: string): number {
  const n = Number(minor)
  // An integer divided by a power of ten rounds to the double nearest the
  // exact decimal, which prints as that decimal: exact, and cheap for long series.
  if (Number.isSafeInteger(n)) return n / 10 ** currencyPrecision(currencyCode)
  return MathBN.convert(String(minor)).shiftedBy(-currencyPrecision(currencyCode)).toNumber()
}

/**
 * Splits an integer `target` into integers proportional to `weights`
 * (largest remainder, ties to the earlier part), so the parts add up to
 * the target exactly. With no weight at all, the parts are equal-ish.
 */
export function allocateMinor(target: number, weights: BigNumberInput[]): number[] {
  if (!weights.length) return []
  const w = weights.map((x) => MathBN.convert(x).abs())
  let sum = w.reduce((a, x) => a.plus(x), MathBN.convert(0))
  const base = sum.isZero() ? w.map(() => MathBN.convert(1)) : w
  if (sum.isZero()) sum = MathBN.convert(w.length)
  const sign = target < 0 ? -1 : 1
  const abs = Math.abs(target)
  const exact = base.map((x) => x.times(abs).div(sum))
  const floors = exact.map((x) => x.integerValue(3 /* ROUND_FLOOR */).toNumber())
  let left = abs - floors.reduce((a, f) => a + f, 0)
  const order = exact.map((x, i) => ({ i, rest: x.minus(floors[i]) })).sort((a, b) => b.rest.comparedTo(a.rest) || a.i - b.i)
  for (const { i } of order) {
    if (left <= 0) break
    floors[i] += 1
    left -= 1
  }
  return floors.map((f) => f * sign)
}
