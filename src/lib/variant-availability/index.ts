import { getVariantAvailability, QueryContext } from "@medusajs/framework/utils"
import type { RemoteQueryFunction } from "@medusajs/framework/types"

/** Why a variant cannot go into a cart now. */
export type UnavailableReason = "not_sold" | "vendor_suspended" | "out_of_stock" | "no_price"

export type VariantStatus = {
  variant_id: string
  product_id: string | null
  /** The product's title. */
  title: string | null
  variant_title: string | null
  vendor: { id: string; handle: string; name: string } | null
  /** Published, in the sales channel, and (when it has one) its vendor is active. */
  sold: boolean
  in_stock: boolean
  /** The calculated price for the pricing context, or null without a context or without a price. */
  price: { amount: number; currency_code: string } | null
  /** The first reason it cannot be bought now, or null. */
  reason: UnavailableReason | null
}

type Query = Omit<RemoteQueryFunction, symbol>

/**
 * What a buyer needs to know about variants in one sales channel: which
 * product and vendor, whether it is sold there, whether one unit is
 * available (Medusa's getVariantAvailability over the channel's stock
 * locations; variants without managed inventory or with backorders are
 * always in stock) and, given a region or currency, Medusa's calculated
 * price. Two or three queries for any number of variants. A variant that
 * does not exist (or was deleted) comes back not sold.
 */
export async function variantStatuses(
  query: Query,
  input: { variant_ids: string[]; sales_channel_id: string | null; pricing?: { region_id?: string; currency_code?: string } }
): Promise<Map<string, VariantStatus>> {
  const ids = [...new Set(input.variant_ids)]
  const out = new Map<string, VariantStatus>()
  if (!ids.length) return out
  const priced = !!(input.pricing?.region_id || input.pricing?.currency_code)
  const fields = [
    "id",
    "title",
    "manage_inventory",
    "allow_backorder",
    "product.id",
    "product.title",
    "product.status",
    "product.sales_channels.id",
    "product.vendor.id",
    "product.vendor.handle",
    "product.vendor.name",
    "product.vendor.status",
    ...(priced ? ["calculated_price.calculated_amount", "calculated_price.currency_code"] : []),
  ]
  const { data } = await query.graph({
    entity: "product_variant",
    fields,
    filters: { id: ids },
    ...(priced ? { context: { calculated_price: QueryContext({ ...input.pricing }) } } : {}),
  })
  const managed = data.filter((v) => v.manage_inventory && !v.allow_backorder).map((v) => v.id)
  const availability =
    managed.length && input.sales_channel_id
      ? await getVariantAvailability(query, { variant_ids: managed, sales_channel_id: input.sales_channel_id })
      : {}
  const byId = new Map(data.map((v) => [v.id, v]))
  for (const id of ids) {
    const v = byId.get(id)
    const product = v?.product
    const vendor = product?.vendor ?? null
    const inChannel = !!input.sales_channel_id && (product?.sales_channels ?? []).some((s) => s?.id === input.sales_channel_id)
    const published = product?.status === "published"
    const vendorActive = !vendor || vendor.status === "active"
    const sold = !!v && published && inChannel && vendorActive
    const inStock = !!v && (!managed.includes(id) || (availability[id]?.availability ?? 0) >= 1)
    const calculated = (v as { calculated_price?: { calculated_amount?: unknown; currency_code?: string } } | undefined)?.calculated_price
    const price =
      calculated && calculated.calculated_amount != null && calculated.currency_code
        ? { amount: Number(calculated.calculated_amount), currency_code: calculated.currency_code }
        : null
    // A suspended vendor's products also leave the sales channel: say why, not just "not sold".
    const reason: UnavailableReason | null = !v
      ? "not_sold"
      : !vendorActive
        ? "vendor_suspended"
        : !published || !inChannel
          ? "not_sold"
          : !inStock
            ? "out_of_stock"
            : priced && !price
              ? "no_price"
              : null
    out.set(id, {
      variant_id: id,
      product_id: product?.id ?? null,
      title: product?.title ?? null,
      variant_title: v?.title ?? null,
      vendor: vendor ? { id: vendor.id, handle: vendor.handle, name: vendor.name } : null,
      sold,
      in_stock: inStock,
      price,
      reason,
    })
  }
  return out
}
