import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { COMMISSION_MODULE } from "../../../modules/commission"
import type CommissionModuleService from "../../../modules/commission/service"
import { productFacts, type ProductFacts } from "../../../modules/commission/product-facts"

const SCOPE_ENTITY: Record<string, string> = {
  vendor: "vendor",
  product: "product",
  product_category: "product_category",
  product_type: "product_type",
  product_collection: "product_collection",
}

/** 400 unless the scope's target exists (a rule for a missing vendor would never match). */
export async function assertScopeExists(scope: MedusaContainer, type: string, id?: string | null) {
  const entity = SCOPE_ENTITY[type]
  if (!entity || !id) return
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity, fields: ["id"], filters: { id } })
  if (!data.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, `scope.id: ${type} ${id} does not exist.`)
}

/** The API view: scope as {type, id}. */
export function presentRule(rule: any) {
  if (!rule) return rule
  const { scope_type, scope_id, raw_value, raw_min_amount, raw_max_amount, deleted_at, ...rest } = rule
  return { ...rest, scope: { type: scope_type, id: scope_id ?? null } }
}

export async function retrieveRule(scope: MedusaContainer, id: string) {
  const service: CommissionModuleService = scope.resolve(COMMISSION_MODULE)
  const [rule] = await service.listCommissionRules({ id })
  if (!rule) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Commission rule with id: ${id} was not found`)
  return rule
}

/** A product's commission facts (categories with ancestors, collection, type), read for a preview. */
export async function loadProductFacts(scope: MedusaContainer, productId: string): Promise<ProductFacts | undefined> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "type_id", "collection_id", "categories.id", "categories.mpath"],
    filters: { id: productId },
  })
  return productFacts(data).get(productId)
}
