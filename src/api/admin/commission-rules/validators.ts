import { z } from "@medusajs/framework/zod"
import { findParams } from "../../utils/validation"
import { COMMISSION_SCOPES } from "../../../modules/commission/models/commission-rule"
import { CATALOGUE_SCOPES } from "../../../modules/commission/resolve"
import { amountProblem, currencyDecimals, lineQuantity, moneyAmount } from "../../../utils/money-input"

const currency = z
  .string()
  .length(3)
  .transform((c) => c.toLowerCase())
// The shared amount rules (src/utils/money-input.ts); decimals per currency in ruleProblems.
const amount = moneyAmount("nonnegative")
const date = z.coerce.date()

const ruleFields = {
  name: z.string().trim().min(1).max(200),
  rate_type: z.enum(["percentage", "flat"]),
  value: amount,
  currency_code: currency.nullish(),
  scope: z.object({ type: z.enum([...COMMISSION_SCOPES]), id: z.string().min(1).nullish() }).strict(),
  priority: z.number().int().min(-1000).max(1000),
  min_amount: amount.nullish(),
  max_amount: amount.nullish(),
  include_shipping: z.boolean(),
  starts_at: date.nullish(),
  ends_at: date.nullish(),
  is_active: z.boolean(),
  // Catalogue rules only: may charge less than the vendor floor (docs/commission.md).
  overrides_vendor_floor: z.boolean(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
}

type RuleInput = Partial<{ [K in keyof typeof ruleFields]: z.infer<(typeof ruleFields)[K]> }>

/** The rules a rule must keep, checked on create and on the merged result of an update. */
export function ruleProblems(r: RuleInput): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = []
  if (r.rate_type === "percentage" && r.value !== undefined && r.value > 100)
    out.push({ path: "value", message: "a percentage is at most 100" })
  // A flat value and the limits are money in the rule's currency: no more decimals than it has.
  if (r.currency_code) {
    for (const key of [...(r.rate_type === "flat" ? ["value"] : []), "min_amount", "max_amount"] as const) {
      const v = r[key]
      const problem = v == null ? null : amountProblem(v, { sign: "nonnegative", currency_code: r.currency_code })
      if (problem) out.push({ path: key, message: `${key} ${problem}` })
    }
  }
  if (r.rate_type === "flat" && !r.currency_code) out.push({ path: "currency_code", message: "a flat rule needs a currency_code" })
  if ((r.min_amount ?? r.max_amount) != null && !r.currency_code)
    out.push({ path: "currency_code", message: "min_amount and max_amount need a currency_code" })
  if (r.min_amount != null && r.max_amount != null && r.min_amount > r.max_amount)
    out.push({ path: "min_amount", message: "min_amount must not exceed max_amount" })
  if (r.starts_at && r.ends_at && r.starts_at >= r.ends_at) out.push({ path: "ends_at", message: "ends_at must be after starts_at" })
  if (r.overrides_vendor_floor && r.scope && !CATALOGUE_SCOPES.includes(r.scope.type))
    out.push({
      path: "overrides_vendor_floor",
      message: "overrides_vendor_floor is only for product_category, product_collection and product_type rules",
    })
  if (r.scope && r.scope.type === "global" && r.scope.id) out.push({ path: "scope.id", message: "a global rule has no scope id" })
  if (r.scope && r.scope.type !== "global" && !r.scope.id) out.push({ path: "scope.id", message: `a ${r.scope.type} rule needs scope.id` })
  return out
}

const refine = (r: RuleInput, ctx: z.RefinementCtx) => {
  for (const p of ruleProblems(r)) ctx.addIssue({ code: "custom", path: p.path.split("."), message: p.message })
}

export const AdminCreateCommissionRule = z
  .object({
    ...ruleFields,
    priority: ruleFields.priority.default(0),
    include_shipping: ruleFields.include_shipping.default(false),
    is_active: ruleFields.is_active.default(true),
    overrides_vendor_floor: ruleFields.overrides_vendor_floor.default(false),
  })
  .strict()
  .superRefine(refine)
export type AdminCreateCommissionRuleType = z.infer<typeof AdminCreateCommissionRule>

export const AdminUpdateCommissionRule = z.object(ruleFields).partial().strict()
export type AdminUpdateCommissionRuleType = z.infer<typeof AdminUpdateCommissionRule>

export const AdminListCommissionRules = findParams({ limit: 50, offset: 0, order: "-created_at" })
  .omit({ fields: true })
  .extend({
    q: z.string().trim().min(1).max(200).optional(),
    is_active: z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean()).optional(),
    scope_type: z.enum([...COMMISSION_SCOPES]).optional(),
  })
  .strict()
export type AdminListCommissionRulesType = z.infer<typeof AdminListCommissionRules>

export const AdminPreviewCommission = z
  .object({
    vendor_id: z.string().min(1),
    product_id: z.string().min(1).optional(),
    variant_id: z.string().min(1).optional(),
    unit_price: amount,
    quantity: lineQuantity(),
    currency_code: currency,
  })
  .strict()
  .superRefine(currencyDecimals(["unit_price"]))
export type AdminPreviewCommissionType = z.infer<typeof AdminPreviewCommission>
