import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { variantStatuses } from "../../../../../lib/variant-availability"
import { WISHLIST_MODULE } from "../../../../../modules/wishlist"
import type WishlistModuleService from "../../../../../modules/wishlist/service"
import type { StoreWishlistPricingType } from "./validators"
import { customerFilters } from "../../../scope"

type Req = AuthenticatedMedusaRequest<unknown, StoreWishlistPricingType>

/** The sales channel a storefront sells through: the publishable key's (the first, as Medusa's carts do). */
export const storeSalesChannel = (req: Req) => req.publishable_key_context?.sales_channel_ids?.[0] ?? null

/** The customer's lists, newest first, each with its items' ids and variant ids (no prices: one query). */
export async function listOwnWishlists(req: Req) {
  const service: WishlistModuleService = req.scope.resolve(WISHLIST_MODULE)
  const lists = await service.listWishlists(customerFilters(req), { relations: ["items"], order: { created_at: "DESC" } })
  return lists.map((w) => ({
    id: w.id,
    name: w.name,
    created_at: w.created_at,
    updated_at: w.updated_at,
    items: [...(w.items ?? [])]
      .sort((a, b) => +new Date(a.created_at) - +new Date(b.created_at))
      .map((i) => ({ id: i.id, variant_id: i.variant_id })),
  }))
}

/** The pricing context from ?region_id= (the region's currency) or ?currency_code=; an unknown region is 400. */
async function pricingContext(req: Req) {
  const { region_id, currency_code } = req.validatedQuery ?? {}
  if (!region_id) return currency_code ? { currency_code } : undefined
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "region", fields: ["id", "currency_code"], filters: { id: region_id } })
  if (!data[0]) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Region ${region_id} does not exist.`)
  if (currency_code && currency_code !== data[0].currency_code) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Region ${region_id} sells in ${data[0].currency_code}, not ${currency_code}.`)
  }
  return { region_id, currency_code: data[0].currency_code as string }
}

/** One of the caller's lists and its items, oldest first; another customer's list is the same 404 as a missing one. */
export async function loadOwnWishlist(req: Req, id: string) {
  const service: WishlistModuleService = req.scope.resolve(WISHLIST_MODULE)
  const [wishlist] = await service.listWishlists({ id, ...customerFilters(req) }, { relations: ["items"], take: 1 })
  if (!wishlist) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Wishlist with id: ${id} was not found`)
  const items = [...(wishlist.items ?? [])].sort((a, b) => +new Date(a.created_at) - +new Date(b.created_at))
  return { wishlist, items }
}

/**
 * One of the caller's lists with, for each item, its product, vendor,
 * whether it is sold and in stock in the store's sales channel, and the
 * price for the requested region or currency. Another customer's list is
 * the same 404 as a missing one.
 */
export async function readOwnWishlist(req: Req, id: string) {
  const { wishlist, items } = await loadOwnWishlist(req, id)
  const statuses = await variantStatuses(req.scope.resolve(ContainerRegistrationKeys.QUERY), {
    variant_ids: items.map((i) => i.variant_id),
    sales_channel_id: storeSalesChannel(req),
    pricing: await pricingContext(req),
  })
  return {
    id: wishlist.id,
    name: wishlist.name,
    created_at: wishlist.created_at,
    updated_at: wishlist.updated_at,
    items: items.map((i) => {
      const s = statuses.get(i.variant_id)
      return {
        id: i.id,
        variant_id: i.variant_id,
        product_id: s?.product_id ?? null,
        title: s?.title ?? null,
        variant_title: s?.variant_title ?? null,
        vendor: s?.vendor ?? null,
        sold: s?.sold ?? false,
        in_stock: s?.in_stock ?? false,
        price: s?.price ?? null,
        created_at: i.created_at,
      }
    }),
  }
}
