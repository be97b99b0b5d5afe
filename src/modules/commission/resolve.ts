import { BigNumber, MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import type { CommissionScope } from "./models/commission-rule"
import { roundHalfEven } from "../../lib/money"

/**
 * Scopes from most to least specific. A rule for the product itself beats
 * one for any of its categories (including ancestors), then its collection,
 * then its type, then the vendor, then the global rule.
 */
export const SCOPE_SPECIFICITY: CommissionScope[] = [
  "product",
  "product_category",
  "product_collection",
  "product_type",
  "vendor",
  "global",
]

export type RuleLike = {
  id: string
  name?: string
  rate_type: "percentage" | "flat"
  value: BigNumberInput
  currency_code?: string | null
  min_amount?: BigNumberInput | null
  max_amount?: BigNumberInput | null
  scope_type: CommissionScope
  scope_id?: string | null
  priority: number
  starts_at?: Date | string | null
  ends_at?: Date | string | null
  include_shipping: boolean
  is_active: boolean
  created_at: Date | string
  /** Catalogue scopes only: this rule may charge less than the vendor floor. */
  overrides_vendor_floor?: boolean | null
}

/**
 * Scopes a vendor controls through its own products (it sets their
 * categories, collection and type). Rules on them can raise a vendor's
 * commission above its floor, never lower it, unless the operator marks
 * them `overrides_vendor_floor`.
 */
export const CATALOGUE_SCOPES: CommissionScope[] = ["product_category", "product_collection", "product_type"]

/** What a line is, for rule matching. category_ids include every ancestor. */
export type LineContext = {
  vendor_id: string
  currency_code: string
  product_id?: string | null
  category_ids?: string[]
  collection_id?: string | null
  type_id?: string | null
  shipping?: boolean
}

function inWindow(rule: RuleLike, at: Date) {
  return (!rule.starts_at || new Date(rule.starts_at) <= at) && (!rule.ends_at || at < new Date(rule.ends_at))
}

function scopeMatches(rule: RuleLike, line: LineContext) {
  switch (rule.scope_type) {
    case "global":
      return true
    case "vendor":
      return rule.scope_id === line.vendor_id
    case "product":
      return !!line.product_id && rule.scope_id === line.product_id
    case "product_category":
      return !!rule.scope_id && (line.category_ids ?? []).includes(rule.scope_id)
    case "product_collection":
      return !!line.collection_id && rule.scope_id === line.collection_id
    case "product_type":
      return !!line.type_id && rule.scope_id === line.type_id
  }
}

/**
 * The most specific rule for one line, or null. (What a line is charged is
 * resolveCommission: this rule, within the vendor floor.) A rule matches when it is
 * active and in its window, its currency (if any; flat rules always have
 * one) is the line's, its scope covers the line, and — for a shipping line —
 * it includes shipping. Among matches: most specific scope, then higher
 * priority, then newer, then id (so the choice is always deterministic).
 */
export function resolveRule<R extends RuleLike>(rules: R[], line: LineContext, at: Date = new Date()): R | null {
  return candidates(rules, line, at).best
}

function applies(rule: RuleLike, line: LineContext, at: Date) {
  if (!rule.is_active || !inWindow(rule, at)) return false
  if (rule.currency_code && rule.currency_code.toLowerCase() !== line.currency_code.toLowerCase()) return false
  if (rule.rate_type === "flat" && !rule.currency_code) return false
  if (line.shipping && !rule.include_shipping) return false
  return scopeMatches(rule, line)
}

/** In one pass: the most specific matching rule, and the best matching vendor and global rules (the floor). */
function candidates<R extends RuleLike>(rules: R[], line: LineContext, at: Date) {
  let best: R | null = null
  let vendor: R | null = null
  let global: R | null = null
  for (const rule of rules) {
    if (!applies(rule, line, at)) continue
    if (!best || compare(rule, best) < 0) best = rule
    if (rule.scope_type === "vendor" && (!vendor || compare(rule, vendor) < 0)) vendor = rule
    if (rule.scope_type === "global" && (!global || compare(rule, global) < 0)) global = rule
  }
  return { best, floor: vendor ?? global }
}

/** The rule that sets a vendor's floor on a line: its best vendor rule, else the best global rule (null: no floor). */
export function floorRule<R extends RuleLike>(rules: R[], line: LineContext, at: Date = new Date()): R | null {
  return candidates(rules, line, at).floor
}

export type CommissionResolution<R extends RuleLike> = {
  /** The rule whose rate the line is charged (and snapshots), or null (commission 0). */
  rule: R | null
  amount: BigNumber
  /** The most specific catalogue rule charged less than the floor, so the floor rule was charged instead. */
  floored: boolean
}

/**
 * The rule and amount for one line (docs/commission.md):
 * 1. the most specific matching rule (resolveRule);
 * 2. if it is a catalogue rule (category, collection, type) that does not
 *    override the vendor floor, and the floor rule (the vendor's own rule,
 *    else the global rule) charges more on this line, the floor rule is
 *    charged instead. A vendor tags its own products, so tagging can raise
 *    its commission but never lower it; product rules (set by the operator
 *    per product) and overriding catalogue rules are charged as they are.
 * Amounts are compared after min/max, the base cap and rounding, so the
 * floor holds to the cent whatever the rate types.
 */
export function resolveCommission<R extends RuleLike>(
  rules: R[],
  line: LineContext,
  base: BigNumberInput,
  quantity: BigNumberInput,
  at: Date = new Date()
): CommissionResolution<R> {
  const { best, floor } = candidates(rules, line, at)
  const amount = commissionAmount(best, base, quantity, line.currency_code)
  if (!best || !floor || best === floor || !CATALOGUE_SCOPES.includes(best.scope_type) || best.overrides_vendor_floor) {
    return { rule: best, amount, floored: false }
  }
  const floorAmount = commissionAmount(floor, base, quantity, line.currency_code)
  if (MathBN.gt(floorAmount, amount)) return { rule: floor, amount: floorAmount, floored: true }
  return { rule: best, amount, floored: false }
}

/** Negative when a ranks before b. */
function compare(a: RuleLike, b: RuleLike) {
  const specificity = SCOPE_SPECIFICITY.indexOf(a.scope_type) - SCOPE_SPECIFICITY.indexOf(b.scope_type)
  if (specificity) return specificity
  if (a.priority !== b.priority) return b.priority - a.priority
  const age = new Date(b.created_at).getTime() - new Date(a.created_at).getTime()
  if (age) return age
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * What a rule charges on a line whose base is its discounted, tax-exclusive
 * amount: a percentage of the base, or the flat value per unit; then the
 * rule's min and max per line; never more than the base and never below 0;
 * rounded half-even to the currency's precision.
 */
export function commissionAmount(rule: RuleLike | null, base: BigNumberInput, quantity: BigNumberInput, currencyCode: string): BigNumber {
  if (!rule) return new BigNumber(0)
  let amount: any = rule.rate_type === "percentage" ? MathBN.div(MathBN.mult(base, rule.value), 100) : MathBN.mult(rule.value, quantity)
  if (rule.min_amount !== null && rule.min_amount !== undefined && MathBN.lt(amount, rule.min_amount))
    amount = MathBN.convert(rule.min_amount)
  if (rule.max_amount !== null && rule.max_amount !== undefined && MathBN.gt(amount, rule.max_amount))
    amount = MathBN.convert(rule.max_amount)
  if (MathBN.gt(amount, base)) amount = MathBN.convert(base)
  if (MathBN.lt(amount, 0)) amount = MathBN.convert(0)
  return roundHalfEven(amount, currencyCode)
}
