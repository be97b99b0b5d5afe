import { BigNumber, MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import type { SplitVendorOrder } from "../../../modules/vendor/types"

/**
 * The master order fields the split reads, in two reads (items; shipping
 * methods): the raw inputs of Medusa's line totals. No top-level total field
 * is asked for, so the order module skips its whole-order totals (summary,
 * credit lines…); the split then computes each line's totals with Medusa's
 * own decorateCartTotals, the function the order module itself uses, so the
 * figures are the same.
 */
export const SPLIT_ORDER_FIELDS = {
  order: [
    "id",
    "currency_code",
    "customer_id",
    "email",
    "items.id",
    "items.product_id",
    "items.variant_id",
    "items.title",
    "items.variant_title",
    "items.variant_sku",
    "items.thumbnail",
    "items.quantity",
    "items.detail.quantity", // the order module fills items.quantity from the item detail
    "items.unit_price",
    "items.is_tax_inclusive",
    "items.tax_lines.rate",
    "items.adjustments.amount",
    "items.adjustments.is_tax_inclusive",
  ],
  shipping: [
    "id",
    "shipping_methods.id",
    "shipping_methods.shipping_option_id",
    "shipping_methods.name",
    "shipping_methods.amount",
    "shipping_methods.is_tax_inclusive",
    "shipping_methods.tax_lines.rate",
    "shipping_methods.adjustments.amount",
    "shipping_methods.adjustments.is_tax_inclusive",
  ],
}

/** The relations behind SPLIT_ORDER_FIELDS, for the order module's listOrders. */
export const SPLIT_ORDER_RELATIONS = {
  order: ["items", "items.tax_lines", "items.adjustments"],
  shipping: ["shipping_methods", "shipping_methods.tax_lines", "shipping_methods.adjustments"],
}

type Line = { subtotal: BigNumberInput; discount_total: BigNumberInput; tax_total: BigNumberInput; total: BigNumberInput }

export type SplittableOrder = {
  id: string
  currency_code: string
  customer_id?: string | null
  email?: string | null
  items: (Line & {
    id: string
    product_id?: string | null
    variant_id?: string | null
    title: string
    variant_title?: string | null
    variant_sku?: string | null
    thumbnail?: string | null
    quantity: BigNumberInput
    unit_price: BigNumberInput
  })[]
  shipping_methods: (Line & { id: string; shipping_option_id?: string | null; name: string; amount: BigNumberInput })[]
}

const sum = (values: BigNumberInput[]) => new BigNumber(values.reduce<any>((acc, v) => MathBN.add(acc, v), MathBN.convert(0)))

/**
 * Groups an order's items (by their product's vendor) and shipping methods
 * (by their option's shipping profile's vendor) into one part per vendor,
 * with totals that are exact sums of Medusa's own line totals. Lines with no
 * vendor (the operator's own products) belong to no vendor order.
 */
export function splitOrderByVendor(
  order: SplittableOrder,
  vendorOfProduct: Map<string, string>,
  vendorOfShippingOption: Map<string, string>
): SplitVendorOrder[] {
  const parts = new Map<string, { items: SplittableOrder["items"]; methods: SplittableOrder["shipping_methods"] }>()
  const part = (vendorId: string) => {
    if (!parts.has(vendorId)) parts.set(vendorId, { items: [], methods: [] })
    return parts.get(vendorId)!
  }
  for (const item of order.items ?? []) {
    const vendorId = item.product_id && vendorOfProduct.get(item.product_id)
    if (vendorId) part(vendorId).items.push(item)
  }
  for (const method of order.shipping_methods ?? []) {
    const vendorId = method.shipping_option_id && vendorOfShippingOption.get(method.shipping_option_id)
    if (vendorId) part(vendorId).methods.push(method)
  }

  return [...parts.entries()]
    .filter(([, p]) => p.items.length > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([vendor_id, { items, methods }]) => {
      const lines: Line[] = [...items, ...methods]
      const itemTotal = sum(items.map((i) => i.total))
      const shippingTotal = sum(methods.map((m) => m.total))
      return {
        vendor_id,
        currency_code: order.currency_code,
        customer_id: order.customer_id ?? null,
        email: order.email ?? null,
        subtotal: sum(lines.map((l) => l.subtotal)),
        item_total: itemTotal,
        shipping_total: shippingTotal,
        discount_total: sum(lines.map((l) => l.discount_total)),
        tax_total: sum(lines.map((l) => l.tax_total)),
        total: sum([itemTotal, shippingTotal]),
        items: items.map((i) => ({
          line_item_id: i.id,
          product_id: i.product_id ?? null,
          variant_id: i.variant_id ?? null,
          title: i.title,
          variant_title: i.variant_title ?? null,
          sku: i.variant_sku ?? null,
          thumbnail: i.thumbnail ?? null,
          quantity: i.quantity,
          unit_price: i.unit_price,
          subtotal: i.subtotal,
          discount_total: i.discount_total,
          tax_total: i.tax_total,
          total: i.total,
        })),
        shipping_methods: methods.map((m) => ({
          shipping_method_id: m.id,
          shipping_option_id: m.shipping_option_id ?? null,
          name: m.name,
          amount: m.amount,
          subtotal: m.subtotal,
          discount_total: m.discount_total,
          tax_total: m.tax_total,
          total: m.total,
        })),
      }
    })
}
