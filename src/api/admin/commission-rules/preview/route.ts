import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { COMMISSION_MODULE } from "../../../../modules/commission"
import type CommissionModuleService from "../../../../modules/commission/service"
import { resolveCommission } from "../../../../modules/commission/resolve"
import { needsProductFacts } from "../../../../modules/commission/product-facts"
import { loadProductFacts, presentRule } from "../helpers"
import type { AdminPreviewCommissionType } from "../validators"

/**
 * POST /admin/commission-rules/preview: which rule a hypothetical line
 * (tax-exclusive unit_price × quantity, no discount) would get, and what it
 * would charge — the same resolution (vendor floor included; `floored` says
 * the floor rule was charged instead of a lower catalogue rule) and rounding
 * as the split.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminPreviewCommissionType>, res: MedusaResponse) {
  const body = req.validatedBody
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: vendors } = await query.graph({ entity: "vendor", fields: ["id"], filters: { id: body.vendor_id } })
  if (!vendors.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, `vendor_id: vendor ${body.vendor_id} does not exist.`)
  let productId = body.product_id ?? null
  if (body.variant_id) {
    const { data } = await query.graph({ entity: "product_variant", fields: ["id", "product_id"], filters: { id: body.variant_id } })
    if (!data.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, `variant_id: variant ${body.variant_id} does not exist.`)
    productId = data[0].product_id
  }
  const service: CommissionModuleService = req.scope.resolve(COMMISSION_MODULE)
  const rules = await service.listApplicableRules([body.vendor_id])
  const facts = productId && needsProductFacts(rules) ? await loadProductFacts(req.scope, productId) : undefined
  const base = MathBN.mult(body.unit_price, body.quantity)
  const { rule, amount, floored } = resolveCommission(
    rules,
    { vendor_id: body.vendor_id, currency_code: body.currency_code, product_id: productId, ...facts },
    base,
    body.quantity
  )
  res.json({ rule: rule ? presentRule(rule) : null, amount: amount.numeric, base_amount: Number(base), floored })
}
