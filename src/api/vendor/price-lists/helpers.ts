import type { MedusaRequest } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { buildPriceListRules, ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import { COMPANY_GROUP_RULE } from "../../../workflows/vendor-price-list/workflows/create-vendor-price-list"
import { assertVendorOwns } from "../scope"

/** What a vendor reads of its price lists (never another vendor's prices: the list's prices are all the vendor's). */
const PRICE_LIST_FIELDS = [
  "id",
  "title",
  "description",
  "status",
  "type",
  "starts_at",
  "ends_at",
  "created_at",
  "updated_at",
  "price_list_rules.attribute",
  "price_list_rules.value",
  "prices.id",
  "prices.currency_code",
  "prices.amount",
  "prices.min_quantity",
  "prices.max_quantity",
  "prices.price_set.variant.id",
]

type Row = Record<string, any>

/**
 * Price lists by id, in the order of `ids`, each with its company (read from
 * the rule's customer group: what the list applies to) and its prices.
 */
export async function readPriceLists(scope: MedusaContainer, ids: string[]) {
  if (!ids.length) return []
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "price_list", fields: PRICE_LIST_FIELDS, filters: { id: ids } })
  const groupOf = (l: Row): string | null => buildPriceListRules(l.price_list_rules ?? [])?.[COMPANY_GROUP_RULE]?.[0] ?? null
  const groups = [...new Set(data.map(groupOf).filter((g): g is string => !!g))]
  const companies: CompanyModuleService = scope.resolve(COMPANY_MODULE)
  const byGroup = new Map(
    (groups.length
      ? await companies.listCompanies({ customer_group_id: groups }, { select: ["id", "name", "customer_group_id"], withDeleted: true })
      : []
    ).map((c) => [c.customer_group_id, { id: c.id, name: c.name }])
  )
  const position = new Map(ids.map((id, i) => [id, i]))
  return data
    .sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0))
    .map((l: Row) => {
      const group = groupOf(l)
      return {
        id: l.id,
        title: l.title,
        description: l.description ?? null,
        status: l.status,
        type: l.type,
        starts_at: l.starts_at ?? null,
        ends_at: l.ends_at ?? null,
        company: (group && byGroup.get(group)) || null,
        prices: ((l.prices ?? []) as Row[])
          .filter((p) => !!p)
          .map((p) => ({
            id: p.id,
            variant_id: p.price_set?.variant?.id ?? null,
            currency_code: p.currency_code,
            amount: Number(p.amount),
            min_quantity: p.min_quantity == null ? null : Number(p.min_quantity),
            max_quantity: p.max_quantity == null ? null : Number(p.max_quantity),
          }))
          .sort((a, b) =>
            `${a.variant_id}|${a.currency_code}|${a.min_quantity}`.localeCompare(`${b.variant_id}|${b.currency_code}|${b.min_quantity}`)
          ),
        created_at: l.created_at,
        updated_at: l.updated_at,
      }
    })
}

/** One price list of the caller (proved by the scope), or 404. */
export async function readPriceList(scope: MedusaContainer, id: string) {
  const [list] = await readPriceLists(scope, [id])
  if (!list) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Price list with id: ${id} was not found`)
  return list
}

/**
 * The ids in a price-list body are the vendor's own before anything is
 * written: every variant must be a variant of one of the vendor's products
 * (the scope's body-id check: another vendor's variant is 404, as a missing
 * one), and every currency one the store sells in (400).
 */
export async function assertPriceListBody(req: MedusaRequest, prices: { variant_id: string; currency_code: string }[]) {
  await assertVendorOwns(
    req,
    "product_variant",
    prices.map((p) => p.variant_id),
    "Variant"
  )
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "store", fields: ["supported_currencies.currency_code"] })
  const sold = new Set<string>(data.flatMap((s: Row) => (s.supported_currencies ?? []).map((c: Row) => c?.currency_code)))
  const other = prices.find((p) => !sold.has(p.currency_code))
  if (other) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `The store does not sell in ${other.currency_code.toUpperCase()}; use one of: ${[...sold].map((c) => c.toUpperCase()).join(", ")}.`
    )
  }
}
