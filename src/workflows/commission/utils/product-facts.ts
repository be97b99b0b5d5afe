import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { productFacts, type ProductFacts } from "../../../modules/commission/product-facts"

export { needsProductFacts, type ProductFacts } from "../../../modules/commission/product-facts"

/**
 * What commission rules can scope on, for each product, in one query: the
 * read is here, the widening of categories to their ancestors is the
 * commission module's `productFacts`.
 */
export async function loadProductFacts(container: MedusaContainer, productIds: string[]): Promise<Map<string, ProductFacts>> {
  if (!productIds.length) return new Map()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "type_id", "collection_id", "categories.id", "categories.mpath"],
    filters: { id: productIds },
  })
  return productFacts(data)
}
