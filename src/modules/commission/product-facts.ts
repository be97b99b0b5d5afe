import { CATALOGUE_SCOPES } from "./resolve"

/** What commission rules can scope on, for a product. category_ids include every ancestor. */
export type ProductFacts = { category_ids: string[]; collection_id: string | null; type_id: string | null }

/** A product as read for its facts: categories with their mpath ("root.child.leaf"). */
export type ProductFactsRow = {
  id: string
  type_id?: string | null
  collection_id?: string | null
  categories?: ({ id: string; mpath?: string | null } | null)[] | null
}

/** Each product's facts, its categories widened to all their ancestors (from each mpath). */
export function productFacts(rows: ProductFactsRow[]): Map<string, ProductFacts> {
  const facts = new Map<string, ProductFacts>()
  for (const p of rows) {
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
  rules.some((r) => (CATALOGUE_SCOPES as string[]).includes(r.scope_type))
