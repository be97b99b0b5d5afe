import { BigNumber, MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"

/**
 * Lilium's money library: currency precision, half-even rounding,
 * largest-remainder allocation and minor/major conversion. Amounts are
 * BigNumber (Medusa's `MathBN`) in major units, as Medusa stores them;
 * minor units (integers) only where a provider or a rollup needs them.
 * Modules, workflows and routes import these from here, so no module
 * imports another module for its arithmetic (decision 21).
 */

/**
 * An entity with an amount `K` as Medusa loads it: the rounded number in
 * `K` and, when the row was read with its raw column, the exact value in
 * `raw_K` (a BigNumberRawValue). Medusa's generated DTO types leave the raw
 * column out, so it is optional here.
 */
export type WithAmount<K extends string> = { [P in K]?: BigNumberInput | null } & {
  // DML's inferred types give raw columns as Record<string, unknown>.
  [P in `raw_${K}`]?: BigNumberInput | Record<string, unknown> | null
}

/** A value MathBN takes: a number, a string, a raw column ({ value }), a BigNumber. */
function isBigNumberInput(v: unknown): v is BigNumberInput {
  if (typeof v === "number" || typeof v === "string") return true
  return typeof v === "object" && v !== null && ("value" in v || "numeric" in v || "_isBigNumber" in v)
}

/**
 * The exact value of an entity's amount: `raw_<key>` when loaded, else
 * `<key>`, else `fallback`. Medusa rounds the plain column for the API; the
 * raw one keeps every decimal, so sums and splits start from it.
 */
export function rawAmount<K extends string>(entity: WithAmount<K>, key: K, fallback: BigNumberInput = 0): BigNumberInput {
  const raw: unknown = entity[`raw_${key}` as const]
  if (isBigNumberInput(raw)) return raw
  const rounded: unknown = entity[key]
  return isBigNumberInput(rounded) ? rounded : fallback
}

/** Decimal places of a currency's minor unit (Intl knows ISO 4217: EUR 2, JPY 0, KWD 3). */
const precisions = new Map<string, number>()
export function currencyPrecision(currencyCode: string): number {
  // Building an Intl.NumberFormat costs tens of microseconds: once per currency.
  const code = currencyCode.toUpperCase()
  let digits = precisions.get(code)
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2
    } catch {
      digits = 2
    }
    precisions.set(code, digits)
  }
  return digits
}

/** Half-even (banker's) rounding to the currency's precision. */
export function roundHalfEven(amount: BigNumberInput, currencyCode: string): BigNumber {
  const value = MathBN.convert(amount)
  return new BigNumber(value.decimalPlaces(currencyPrecision(currencyCode), 6 /* ROUND_HALF_EVEN */))
}

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
  const target = roundHalfEven(
    exact.reduce((a, p) => a.plus(p), MathBN.convert(0)),
    currencyCode
  )
  const floors = exact.map((p) => p.decimalPlaces(digits, 3 /* ROUND_FLOOR */))
  let remaining = MathBN.convert(target).minus(floors.reduce((a, f) => a.plus(f), MathBN.convert(0)))
  const order = exact.map((p, i) => ({ i, rest: p.minus(floors[i]) })).sort((a, b) => b.rest.comparedTo(a.rest) || a.i - b.i)
  const out = [...floors]
  for (const { i } of order) {
    if (remaining.lte(0)) break
    out[i] = out[i].plus(unit)
    remaining = remaining.minus(unit)
  }
  return out.map((v) => new BigNumber(v))
}

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

/**
 * An amount for a DML create or update. DML types a `model.bigNumber()`
 * column's input as number, but Medusa stores what it is given (a
 * BigNumber, a string, a raw value) exactly; a JS number would lose the
 * decimals Medusa's line sums carry. The one place that type is bent.
 */
export function columnAmount(amount: BigNumberInput): number {
  // eslint-disable-next-line no-restricted-syntax -- DML infers bigNumber inputs as number; the BigNumber property takes any BigNumberInput
  return amount as any
}

/** A row whose BigNumberInput fields are typed as DML's create input wants them (number). */
export type ColumnAmounts<T> = {
  [K in keyof T]: [NonNullable<T[K]>] extends [BigNumberInput]
    ? [BigNumberInput] extends [NonNullable<T[K]>]
      ? number | Extract<T[K], null | undefined>
      : T[K]
    : T[K]
}

/** columnAmount for every BigNumberInput field of a row (the values are passed on unchanged). */
export function columnAmounts<T extends object>(row: T): ColumnAmounts<T> {
  // eslint-disable-next-line no-restricted-syntax -- as columnAmount: only the type of the BigNumberInput fields changes
  return row as any
}

/**
 * An amount as a fixed decimal string at the currency's precision,
 * half-even ("23.10", JPY "1500"): exact, for messages and display, where a
 * JS number would print 0.30000000000000004 or drop the trailing zero.
 */
export function decimalString(amount: BigNumberInput, currencyCode: string): string {
  const digits = currencyPrecision(currencyCode)
  return MathBN.convert(amount).decimalPlaces(digits, 6 /* ROUND_HALF_EVEN */).toFixed(digits)
}

/**
 * A count Medusa loaded (an item quantity: a number, a BigNumber or a raw
 * value, depending on the module and the fields asked for) as a JS number.
 * `Number()` of a BigNumber object is NaN, and NaN slips through every `>`
 * check, so a count that is not a whole number ≥ 0 throws instead.
 */
export function wholeCount(value: BigNumberInput | null | undefined): number {
  const n = value == null ? NaN : MathBN.convert(value).toNumber()
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`Not a whole count: ${JSON.stringify(value)}`)
  return n
}
