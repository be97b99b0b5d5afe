import { MedusaError } from "@medusajs/framework/utils"
import { amountProblem } from "../../../utils/money-input"

/**
 * Amounts of a company (credit limit, spending limits) are in the company's
 * currency: the body's schema allows any sane amount, this checks its
 * decimals against that currency (EUR 2, JPY 0…) before anything is written.
 */
export function assertCompanyAmount(field: string, value: number | null | undefined, currencyCode: string) {
  if (value === null || value === undefined) return
  const problem = amountProblem(value, { sign: "nonnegative", currency_code: currencyCode })
  if (problem) throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field} ${problem}`)
}

/** A spending limit needs its period (per order, week or month); no limit means no period. */
export function spendingRule<T extends { spending_limit?: number | null; spending_period?: string | null }>(merged: T): T {
  if (merged.spending_limit === null || merged.spending_limit === undefined)
    return { ...merged, spending_limit: null, spending_period: null }
  if (!merged.spending_period) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "spending_period (order, week or month) is required with a spending_limit.")
  }
  return merged
}
