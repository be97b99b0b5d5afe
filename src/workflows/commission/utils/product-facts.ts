import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export type ProductFacts = { category_ids: string[]; collection_id: string | null; type_id: string | null }

/**
 * What commission rules can scope on, for each product, in one query:
 * its categories with all their ancestors (from each category's mpath,
 * "root.child.leaf"), its collection and its type.
 */
export async function loadProductFacts(container: MedusaContainer, productIds: string[]) {
  const facts = new Map<string, ProductFacts>()
  if (!productIds.length) return facts
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "type_id", "collection_id", "categories.id", "categories.mpath"],
    filters: { id: productIds },
  })
  for (const p of data) {
    const ids = new Set<string>()
    for (const c of p.categories ?? []) {
      if (!c) continue
      ids.add(c.id)
      for (const id of String(c.mpath ?? "")
        .split(".")
        .filter(Boolean))
        ids.add(id)
    }
    facts.set(p.id, { category_ids: [...ids], collection_id: p.collection_id ?? null, type_id: p.type_id ?? null })
  }
  return facts
}

/** Whether any rule scopes on product facts (otherwise they need not be loaded). */
export const needsProductFacts = (rules: { scope_type: string }[]) =>
  rules.some((r) => ["product_category", "product_collection", "product_type"].includes(r.scope_type))
