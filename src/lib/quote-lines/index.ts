import crypto from "node:crypto"
import type { BigNumberInput } from "@medusajs/framework/types"
import { decimalString, wholeCount } from "../money"

/** A cart line as a quote sees it. unit_price is left out of the fingerprint when not given. */
export type QuoteLine = { id: string; variant_id: string | null; quantity: BigNumberInput; unit_price?: BigNumberInput | null }

/**
 * A hash of a cart's lines for quotes: each line's id, variant and quantity,
 * and, when `withPrices`, its unit price as a fixed decimal of the currency
 * (never a JS float). Sorted by line id, so the order lines are read in does
 * not matter. Without prices it is what the buyer asked to be quoted (a cart
 * changed since cannot be accepted); with prices it is what was accepted
 * (the checkout refuses a cart that no longer matches it).
 */
export function quoteLinesFingerprint(lines: QuoteLine[], currencyCode: string, withPrices: boolean): string {
  const rows = lines
    .map((l) => [
      l.id,
      l.variant_id ?? null,
      wholeCount(l.quantity),
      ...(withPrices ? [decimalString(l.unit_price ?? 0, currencyCode)] : []),
    ])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])))
  return crypto
    .createHash("sha256")
    .update(JSON.stringify({ currency: currencyCode.toLowerCase(), withPrices, rows }))
    .digest("hex")
}
