import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { maxQuantity } from "../../../utils/money-input"
import { wholeCount } from "../../../lib/money"
import type { AddCartLinesInput, AddCartLinesOutput, CartLineError, CartLineInput } from "../types"

type VariantRow = {
  id: string
  sku: string | null
  title: string | null
  manage_inventory: boolean
  allow_backorder: boolean
  inventory_items?: ({
    required_quantity: number
    inventory?: { location_levels?: ({ location_id: string; stocked_quantity: number; reserved_quantity: number } | null)[] | null } | null
  } | null)[]
  product: {
    title: string
    status: string
    sales_channels?: ({ id: string } | null)[] | null
    vendor?: { status: string; name: string } | null
  } | null
}

const VARIANT_FIELDS = [
  "id",
  "sku",
  "title",
  "manage_inventory",
  "allow_backorder",
  "product.title",
  "product.status",
  "product.sales_channels.id",
  "product.vendor.status",
  "product.vendor.name",
  "inventory_items.required_quantity",
  "inventory_items.inventory.location_levels.location_id",
  "inventory_items.inventory.location_levels.stocked_quantity",
  "inventory_items.inventory.location_levels.reserved_quantity",
]

/**
 * What can be added of a variant, as Medusa's inventory confirmation counts
 * it: stocked minus reserved, at ONE stock location of the cart's sales
 * channel (the best one), for every inventory item of the variant.
 */
function availableQuantity(variant: VariantRow, locations: Set<string>): number {
  const items = (variant.inventory_items ?? []).filter((i) => !!i)
  if (!items.length) return Infinity
  let best = 0
  for (const location of locations) {
    const perItem = items.map((item) => {
      const level = (item.inventory?.location_levels ?? []).find((l) => l?.location_id === location)
      return level
        ? Math.floor((wholeCount(level.stocked_quantity) - wholeCount(level.reserved_quantity)) / wholeCount(item.required_quantity || 1))
        : 0
    })
    best = Math.max(best, Math.min(...perItem))
  }
  return best
}

const ref = (l: CartLineInput) => ({
  ...(l.variant_id ? { variant_id: l.variant_id } : { sku: l.sku }),
  ...(l.line ? { line: l.line } : {}),
})

/**
 * Read-only check of a batch of requested cart lines, in a fixed number of
 * queries whatever the batch size (variants with their stock levels by id
 * and by SKU, the cart, the channel's stock locations): unknown ids/SKUs, products not sold in the
 * cart's channel, vendors that are not active and short stock become error
 * entries; the rest is summed per variant (with what the cart already holds
 * for the stock and quantity caps) and handed to Medusa's addToCartWorkflow.
 */
export const resolveCartLinesStep = createStep("resolve-cart-lines", async (input: AddCartLinesInput, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const ids = [...new Set(input.lines.map((l) => l.variant_id).filter((v): v is string => !!v))]
  const skus = [...new Set(input.lines.map((l) => l.sku).filter((v): v is string => !!v))]
  const [{ data: carts }, byId, bySku] = await Promise.all([
    query.graph({
      entity: "cart",
      fields: ["id", "sales_channel_id", "completed_at", "items.variant_id", "items.quantity"],
      filters: { id: input.cart_id },
    }),
    ids.length
      ? query.graph({ entity: "product_variant", fields: VARIANT_FIELDS, filters: { id: ids } }).then((r) => r.data as VariantRow[])
      : ([] as VariantRow[]),
    skus.length
      ? query.graph({ entity: "product_variant", fields: VARIANT_FIELDS, filters: { sku: skus } }).then((r) => r.data as VariantRow[])
      : ([] as VariantRow[]),
  ])
  const cart = carts[0]
  if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart id not found: ${input.cart_id}`)
  if (cart.completed_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart ${input.cart_id} is already completed`)

  const variants = new Map<string, VariantRow>([...byId, ...bySku].map((v) => [v.id, v]))
  const variantOfSku = new Map(bySku.filter((v) => v.sku).map((v) => [v.sku as string, v]))
  const errors: CartLineError[] = []

  // Sum per variant, keeping the first request line of each for error reporting.
  const wanted = new Map<string, { variant: VariantRow; quantity: number; first: CartLineInput }>()
  for (const line of input.lines) {
    // The routes validate quantities; this guards every other caller (a NaN would pass every stock check below).
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Quantity must be a whole number of at least 1 (got ${line.quantity})`)
    }
    const variant = line.variant_id ? variants.get(line.variant_id) : line.sku ? variantOfSku.get(line.sku) : undefined
    if (!variant) {
      errors.push({
        ...ref(line),
        code: line.variant_id ? "unknown_variant" : "unknown_sku",
        message: line.variant_id ? `No variant with id ${line.variant_id}` : `No variant with SKU ${line.sku}`,
      })
      continue
    }
    const product = variant.product
    // The vendor first: suspending a vendor also takes its products off sale, and the buyer should hear why.
    if (product?.vendor && product.vendor.status !== "active") {
      errors.push({
        ...ref(line),
        code: "vendor_suspended",
        message: `"${product.title}" cannot be bought: its vendor ${product.vendor.name} is not selling at the moment.`,
      })
      continue
    }
    const inChannel = !cart.sales_channel_id || (product?.sales_channels ?? []).some((sc) => sc?.id === cart.sales_channel_id)
    if (!product || product.status !== "published" || !inChannel) {
      errors.push({ ...ref(line), code: "not_sold", message: `"${product?.title ?? variant.id}" is not sold in this store` })
      continue
    }
    const w = wanted.get(variant.id)
    if (w) w.quantity += line.quantity
    else wanted.set(variant.id, { variant, quantity: line.quantity, first: line })
  }

  const inCart = new Map<string, number>()
  for (const item of cart.items ?? []) {
    if (item?.variant_id) inCart.set(item.variant_id, (inCart.get(item.variant_id) ?? 0) + wholeCount(item.quantity))
  }
  const tracked = [...wanted.values()].some((w) => w.variant.manage_inventory && !w.variant.allow_backorder)
  const { data: channelLocations } =
    tracked && cart.sales_channel_id
      ? await query.graph({
          entity: "sales_channel_locations",
          fields: ["stock_location_id"],
          filters: { sales_channel_id: cart.sales_channel_id },
        })
      : { data: [] as { stock_location_id: string }[] }
  const locations = new Set(channelLocations.map((l: { stock_location_id: string }) => l.stock_location_id))

  const max = maxQuantity()
  const added: AddCartLinesOutput["added"] = []
  for (const w of wanted.values()) {
    const already = inCart.get(w.variant.id) ?? 0
    let quantity = w.quantity
    const title = w.variant.product?.title ?? w.variant.id
    if (already + quantity > max) {
      errors.push({
        ...ref(w.first),
        code: "quantity_limit",
        message: `"${title}": at most ${max} per line (${already} already in the cart)`,
        requested: quantity,
      })
      continue
    }
    const available = w.variant.manage_inventory && !w.variant.allow_backorder ? availableQuantity(w.variant, locations) : Infinity
    if (already + quantity > available) {
      const left = Math.max(0, available - already)
      if (!input.reduce_to_available || left === 0) {
        errors.push({
          ...ref(w.first),
          code: "out_of_stock",
          message: left ? `"${title}": only ${left} in stock` : `"${title}" is out of stock`,
          requested: quantity,
          available: left,
        })
        continue
      }
      errors.push({
        ...ref(w.first),
        code: "quantity_reduced",
        message: `"${title}": only ${left} in stock, added ${left} of ${quantity}`,
        requested: quantity,
        available: left,
      })
      quantity = left
    }
    added.push({ variant_id: w.variant.id, quantity })
  }
  return new StepResponse<AddCartLinesOutput>({ added, errors })
})
