import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { amountProblem, quantityProblem } from "../../utils/money-input"

/**
 * Middlewares that apply the shared amount and quantity rules
 * (src/utils/money-input.ts) to Medusa's own routes, whose schemas Lilium
 * does not own. They look only at the fields they check and leave the rest
 * of the body (and every other error and response) to Medusa.
 */

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/** 400 unless `amount` fits the currency's decimals (for bodies that do not name their currency). */
export function assertAmountFitsCurrency(amount: number, currencyCode: string, field = "amount") {
  const problem = amountProblem(amount, { sign: "positive", currency_code: currencyCode })
  if (problem) throw invalid(`${field} ${problem}`)
}

/**
 * Cart quantities: Medusa's store routes accept any number above 0 (1.5,
 * 1e9). A line's quantity must be a whole number from 1 to
 * MARKETPLACE_MAX_QUANTITY; an update may set 0 (Medusa removes the line).
 * Runs on POST /store/carts (items), /store/carts/:id/line-items and
 * /store/carts/:id/line-items/:line_id.
 */
export function checkCartQuantities(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const body = (req.body ?? {}) as Record<string, any>
  const isUpdate = /\/line-items\/[^/]+\/?$/.test(req.path)
  const lines: [string, unknown][] = Array.isArray(body.items)
    ? body.items.map((i: any, n: number) => [`items[${n}].quantity`, i?.quantity])
    : "quantity" in body
      ? [["quantity", body.quantity]]
      : []
  for (const [path, q] of lines) {
    // Not a number at all: Medusa's own validator answers.
    if (typeof q !== "number") continue
    const problem = quantityProblem(q, isUpdate ? 0 : 1)
    if (problem) return next(invalid(`${path} ${problem}`))
  }
  next()
}

/**
 * Prices sent to Medusa's admin routes (products, variants, price lists,
 * shipping options): every `prices[].amount` must be a sane price (not
 * negative, finite, at most MARKETPLACE_MAX_AMOUNT, no more decimals than
 * its `currency_code`). The operator's catalogue shares carts with the
 * vendors', so a negative price there moves money just the same.
 */
export function checkPriceAmounts(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  // POST /admin/price-lists/:id/prices/batch: {create, update} are prices themselves.
  const problem = priceProblems(req.body, /\/prices\/batch\/?$/.test(req.path))
  if (problem) return next(invalid(problem))
  next()
}

/** The first bad `prices[].amount` in a body, or null. */
export function priceProblems(body: unknown, bodyIsPrices = false): string | null {
  const stack: [unknown, string, boolean][] = [[body, "", false]]
  let seen = 0
  while (stack.length && seen++ < 10_000) {
    const [v, at, inPrices] = stack.pop()!
    if (!v || typeof v !== "object") continue
    if (Array.isArray(v)) {
      v.forEach((child, i) => stack.push([child, `${at}[${i}]`, inPrices]))
      continue
    }
    const obj = v as Record<string, any>
    if (inPrices && obj.amount !== undefined) {
      const currency = typeof obj.currency_code === "string" ? obj.currency_code : null
      const problem = amountProblem(obj.amount, { sign: "nonnegative", currency_code: currency })
      if (problem) return `${at}.amount ${problem}`
    }
    for (const [k, child] of Object.entries(obj)) {
      const prices = k === "prices" || (inPrices && k !== "rules") || (bodyIsPrices && !at && (k === "create" || k === "update"))
      stack.push([child, at ? `${at}.${k}` : k, prices])
    }
  }
  return null
}
