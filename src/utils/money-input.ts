import { MathBN } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { currencyPrecision } from "../lib/money"
import { maxAmountSetting, maxQuantitySetting } from "../options"

/**
 * The one place that says what a sane amount or quantity is (issue 14,
 * item 5). Every schema that takes money uses `moneyAmount` (and
 * `currencyDecimals` where the body names the currency); every schema that
 * takes a line quantity uses `lineQuantity`. Amounts are major units, as in
 * Medusa.
 *
 * - finite numbers only (JSON's 1e400 parses to Infinity);
 * - a sign rule per field: prices and shipping prices may be 0 but not
 *   negative, refunds must be > 0, adjustments may be negative but not 0;
 * - |amount| ≤ MARKETPLACE_MAX_AMOUNT (default 1,000,000), read per request;
 * - no more decimals than the currency has (ISO 4217 via Intl, the same
 *   precision the commission and ledger rounding use: EUR/USD 2, JPY/KRW 0,
 *   KWD/BHD 3). Where the body does not name the currency the field allows
 *   at most MAX_ANY_DECIMALS, and the route checks the real currency.
 * - quantities: whole numbers from 1 to MARKETPLACE_MAX_QUANTITY (default
 *   10,000) per line.
 */

export const DEFAULT_MAX_AMOUNT = 1_000_000
export const DEFAULT_MAX_QUANTITY = 10_000
/** No ISO 4217 currency in use has more than 3 decimals (KWD, BHD, OMR…); 4 leaves room for CLF. */
export const MAX_ANY_DECIMALS = 4

export type AmountSign = "positive" | "nonnegative" | "nonzero"

/** The largest amount (major units) any money field accepts: option limits.maxAmount, env MARKETPLACE_MAX_AMOUNT (src/options.ts). */
export const maxAmount = () => maxAmountSetting()
/** The largest quantity of one cart line: option limits.maxQuantity, env MARKETPLACE_MAX_QUANTITY. */
export const maxQuantity = () => maxQuantitySetting()

/** Decimal places of a number as JSON wrote it (19.99 → 2, 1e-7 → 7). */
export function decimalsOf(value: number): number {
  return MathBN.convert(String(value)).decimalPlaces() ?? 0
}

/** What is wrong with `value` as an amount, or null if nothing is. */
export function amountProblem(value: unknown, opts: { sign: AmountSign; currency_code?: string | null; decimals?: number }): string | null {
  if (typeof value !== "number" || !Number.isFinite(value)) return "must be a finite number"
  if (opts.sign === "nonnegative" && value < 0) return "must not be negative"
  if (opts.sign === "positive" && value <= 0) return "must be greater than 0"
  if (opts.sign === "nonzero" && value === 0) return "must not be 0"
  const max = maxAmount()
  if (Math.abs(value) > max) return opts.sign === "nonzero" ? `must be between -${max} and ${max}` : `must be at most ${max}`
  const allowed = opts.decimals ?? (opts.currency_code ? currencyPrecision(opts.currency_code) : MAX_ANY_DECIMALS)
  if (decimalsOf(value) > allowed) {
    return opts.currency_code
      ? `has more decimals than ${opts.currency_code.toUpperCase()} allows (${allowed})`
      : `must have at most ${allowed} decimals`
  }
  return null
}

/** An amount field. Pair it with `currencyDecimals` when the object names its currency. */
export function moneyAmount(sign: AmountSign, opts: { decimals?: number } = {}) {
  return z.number().superRefine((v, ctx) => {
    const problem = amountProblem(v, { sign, decimals: opts.decimals })
    if (problem) ctx.addIssue({ code: "custom", message: `amount ${problem}` })
  })
}

/**
 * Object-level check: the amounts at `amountKeys` have no more decimals than
 * the object's `currency_code` allows. Objects without a currency code are
 * left to the field check (`MAX_ANY_DECIMALS`) and the route.
 */
export function currencyDecimals(amountKeys: string[] = ["amount"], currencyKey = "currency_code") {
  return (obj: Record<string, any>, ctx: z.RefinementCtx) => {
    const currency = obj?.[currencyKey]
    if (typeof currency !== "string" || !currency) return
    const digits = currencyPrecision(currency)
    for (const key of amountKeys) {
      const v = obj[key]
      if (typeof v === "number" && Number.isFinite(v) && decimalsOf(v) > digits) {
        ctx.addIssue({ code: "custom", path: [key], message: `${key} has more decimals than ${currency.toUpperCase()} allows (${digits})` })
      }
    }
  }
}

/** A line quantity: a whole number from `min` (1, or 0 where 0 removes the line) to MARKETPLACE_MAX_QUANTITY. */
export function lineQuantity(min: 0 | 1 = 1) {
  return z.number().superRefine((v, ctx) => {
    const problem = quantityProblem(v, min)
    if (problem) ctx.addIssue({ code: "custom", message: `quantity ${problem}` })
  })
}

export function quantityProblem(value: unknown, min: 0 | 1 = 1): string | null {
  if (typeof value !== "number" || !Number.isInteger(value)) return "must be a whole number"
  if (value < min) return min === 1 ? "must be at least 1" : "must not be negative"
  const max = maxQuantity()
  if (value > max) return `must be at most ${max}`
  return null
}

/** The value of MARKETPLACE_MIN_PAYOUT as an amount, or an error naming what is wrong with it. */
export function minPayoutProblem(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === "") return null
  const problem = amountProblem(Number(raw), { sign: "nonnegative" })
  return problem ? `MARKETPLACE_MIN_PAYOUT=${raw} ${problem}` : null
}

/** Configuration problems with the money settings, checked when the app starts (medusa-config.ts). */
export function moneyEnvProblems(env: NodeJS.ProcessEnv = process.env): string[] {
  const out: string[] = []
  for (const [name, integer] of [
    ["MARKETPLACE_MAX_AMOUNT", false],
    ["MARKETPLACE_MAX_QUANTITY", true],
  ] as const) {
    const raw = env[name]
    if (raw === undefined || raw.trim() === "") continue
    const n = Number(raw)
    if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n)))
      out.push(`${name}=${raw} must be a positive ${integer ? "whole number" : "number"}`)
  }
  const min = minPayoutProblem(env.MARKETPLACE_MIN_PAYOUT)
  if (min) out.push(min)
  return out
}
