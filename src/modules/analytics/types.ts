/** The columns a fact is written with (besides id and the timestamps DML adds). */
export const FACT_COLUMNS = [
  "line_key",
  "line_type",
  "order_id",
  "vendor_order_id",
  "vendor_id",
  "product_id",
  "variant_id",
  "category_id",
  "collection_id",
  "customer_id",
  "company_id",
  "currency_code",
  "vendor_order_status",
  "is_order_head",
  "is_vendor_order_head",
  "quantity",
  "returned_quantity",
  "has_return",
  "total_minor",
  "discount_minor",
  "tax_minor",
  "refunded_minor",
  "commission_minor",
  "placed_at",
  "accepted_at",
  "shipped_at",
  "delivered_at",
  "canceled_at",
] as const

export type FactRow = {
  id?: string
  line_key: string
  line_type: "item" | "shipping"
  order_id: string
  vendor_order_id: string
  vendor_id: string
  product_id: string | null
  variant_id: string | null
  category_id: string | null
  collection_id: string | null
  customer_id: string | null
  company_id: string | null
  currency_code: string
  vendor_order_status: string
  is_order_head: boolean
  is_vendor_order_head: boolean
  quantity: number
  returned_quantity: number
  has_return: boolean
  total_minor: number
  discount_minor: number
  tax_minor: number
  refunded_minor: number
  commission_minor: number
  placed_at: Date
  accepted_at: Date | null
  shipped_at: Date | null
  delivered_at: Date | null
  canceled_at: Date | null
}
