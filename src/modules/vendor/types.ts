import type { BigNumberInput } from "@medusajs/framework/types"

/** One vendor's part of an order, as computed by the split (before it is stored). */
export type SplitVendorOrder = {
  vendor_id: string
  currency_code: string
  customer_id: string | null
  email: string | null
  subtotal: BigNumberInput
  item_total: BigNumberInput
  shipping_total: BigNumberInput
  discount_total: BigNumberInput
  tax_total: BigNumberInput
  total: BigNumberInput
  /** Σ of the vendor's commission lines (0 when no rule applies). */
  commission_total?: BigNumberInput
  items: {
    line_item_id: string
    product_id: string | null
    variant_id: string | null
    title: string
    variant_title: string | null
    sku: string | null
    thumbnail: string | null
    quantity: BigNumberInput
    unit_price: BigNumberInput
    subtotal: BigNumberInput
    discount_total: BigNumberInput
    tax_total: BigNumberInput
    total: BigNumberInput
  }[]
  shipping_methods: {
    shipping_method_id: string
    shipping_option_id: string | null
    name: string
    amount: BigNumberInput
    subtotal: BigNumberInput
    discount_total: BigNumberInput
    tax_total: BigNumberInput
    total: BigNumberInput
  }[]
}
