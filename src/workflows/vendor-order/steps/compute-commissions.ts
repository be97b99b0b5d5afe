import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BigNumber, MathBN } from "@medusajs/framework/utils"
import { rawAmount } from "../../../lib/money"
import { loadProductFacts, needsProductFacts } from "../../commission/utils/product-facts"
import { COMMISSION_MODULE } from "../../../modules/commission"
import type CommissionModuleService from "../../../modules/commission/service"
import { resolveCommission, resolveRule, type LineContext } from "../../../modules/commission/resolve"
import type { SplitVendorOrder } from "../../../modules/vendor/types"

export type ComputedCommissionLine = {
  vendor_id: string
  line_type: "item" | "shipping"
  reference_id: string
  rule_id: string | null
  rule_name: string | null
  rate_type: string | null
  rate_value: any
  currency_code: string
  quantity: any
  base_amount: BigNumber
  amount: BigNumber
}

/**
 * Works out the commission of every line of a split: the rules are loaded
 * once for the order, products' category (with ancestors), collection and
 * type once, and each line is resolved in memory. The base of a line is
 * its discounted, tax-exclusive amount (total − tax). Items always get a
 * line (amount 0 when no rule applies); shipping gets one when its rule
 * includes shipping. Each vendor's commission_total is the sum of its lines.
 */
export const computeCommissionsStep = createStep("compute-commissions", async (input: { splits: SplitVendorOrder[] }, { container }) => {
  const commission: CommissionModuleService = container.resolve(COMMISSION_MODULE)
  const vendorIds = input.splits.map((s) => s.vendor_id)
  const rules = vendorIds.length ? await commission.listApplicableRules(vendorIds) : []

  // Product facts only when a rule scopes on them.
  const productIds = [...new Set(input.splits.flatMap((s) => s.items.map((i) => i.product_id).filter(Boolean) as string[]))]
  const facts = needsProductFacts(rules) ? await loadProductFacts(container, productIds) : new Map()

  const lines: ComputedCommissionLine[] = []
  const splits = input.splits.map((split) => {
    const mine: ComputedCommissionLine[] = []
    const line = (ctx: LineContext, type: "item" | "shipping", reference: string, quantity: any, base: any) => {
      // The most specific rule, within the vendor floor (docs/commission.md).
      const { rule, amount } = resolveCommission(rules, ctx, base, quantity)
      mine.push({
        vendor_id: split.vendor_id,
        line_type: type,
        reference_id: reference,
        rule_id: rule?.id ?? null,
        rule_name: rule?.name ?? null,
        rate_type: rule?.rate_type ?? null,
        rate_value: rule ? rawAmount(rule, "value") : null,
        currency_code: split.currency_code,
        quantity,
        base_amount: new BigNumber(base),
        amount,
      })
    }
    for (const item of split.items) {
      const f = item.product_id ? facts.get(item.product_id) : undefined
      line(
        { vendor_id: split.vendor_id, currency_code: split.currency_code, product_id: item.product_id, ...f },
        "item",
        item.line_item_id,
        item.quantity,
        MathBN.sub(item.total, item.tax_total)
      )
    }
    for (const method of split.shipping_methods) {
      const ctx: LineContext = { vendor_id: split.vendor_id, currency_code: split.currency_code, shipping: true }
      if (!resolveRule(rules, ctx)) continue
      line(ctx, "shipping", method.shipping_method_id, 1, MathBN.sub(method.total, method.tax_total))
    }
    lines.push(...mine)
    const total = mine.reduce<any>((a, l) => MathBN.add(a, l.amount), MathBN.convert(0))
    return { ...split, commission_total: new BigNumber(total) }
  })
  return new StepResponse({ splits, lines })
})
