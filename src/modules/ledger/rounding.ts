import { BigNumber, MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { currencyPrecision, roundHalfEven } from "../commission/resolve"

/**
 * Rounds exact parts to the currency's precision so that they add up to the
 * rounded (half-even) sum of the parts: largest remainder, ties to the
 * earlier part. Vendor orders carry Medusa's exact line sums; the ledger
 * posts cents, and the cents of one order's vendors must add up to the
 * order's rounded total.
 */
export function allocateRounded(parts: BigNumberInput[], currencyCode: string): BigNumber[] {
  const digits = currencyPrecision(currencyCode)
  const unit = MathBN.convert(1).shiftedBy(-digits)
  const exact = parts.map((p) => MathBN.convert(p))
  const target = roundHalfEven(exact.reduce((a, p) => a.plus(p), MathBN.convert(0)), currencyCode)
  const floors = exact.map((p) => p.decimalPlaces(digits, 3 /* ROUND_FLOOR */))
  let remaining = MathBN.convert(target).minus(floors.reduce((a, f) => a.plus(f), MathBN.convert(0)))
  const order = exact
    .map((p, i) => ({ i, rest: p.minus(floors[i]) }))
    .sort((a, b) => b.rest.comparedTo(a.rest) || a.i - b.i)
  const out = [...floors]
  for (const { i } of order) {
    if (remaining.lte(0)) break
    out[i] = out[i].plus(unit)
    remaining = remaining.minus(unit)
  }
  return out.map((v) => new BigNumber(v))
}
