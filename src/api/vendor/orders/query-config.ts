/** What every vendor-order read returns (API.md, Vendor orders). */
export const VENDOR_ORDER_FIELDS = [
  "id",
  "display_id",
  "order_id",
  "status",
  "status_reason",
  "currency_code",
  "email",
  "customer_id",
  "subtotal",
  "item_total",
  "shipping_total",
  "discount_total",
  "tax_total",
  "total",
  "commission_total",
  "refunded_total",
  "accepted_at",
  "rejected_at",
  "fulfilled_at",
  "shipped_at",
  "delivered_at",
  "canceled_at",
  "created_at",
  "updated_at",
  "vendor.id",
  "vendor.handle",
  "vendor.name",
  "items.line_item_id",
  "items.product_id",
  "items.variant_id",
  "items.title",
  "items.variant_title",
  "items.sku",
  "items.thumbnail",
  "items.quantity",
  "items.unit_price",
  "items.subtotal",
  "items.discount_total",
  "items.tax_total",
  "items.total",
  "shipping_methods.shipping_method_id",
  "shipping_methods.shipping_option_id",
  "shipping_methods.name",
  "shipping_methods.total",
]

/**
 * The buying company of a vendor order ({id, name} or null), read from the
 * master order (order.company_order.company) by the helpers, not a column of
 * the vendor order: in the defaults and the allow-list of lists, and taken
 * out of the fields before query.graph.
 */
export const VENDOR_ORDER_COMPANY_FIELDS = ["company.id", "company.name"]

export const VENDOR_ORDER_SORTABLE = ["created_at", "display_id", "total", "status", "updated_at"]

/** The master order's fulfillment fields that vendorFulfillments() reads. */
export const ORDER_FULFILLMENT_FIELDS = [
  "fulfillments.id",
  "fulfillments.location_id",
  "fulfillments.created_at",
  "fulfillments.packed_at",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
  "fulfillments.items.line_item_id",
  "fulfillments.items.title",
  "fulfillments.items.quantity",
  "fulfillments.labels.tracking_number",
  "fulfillments.labels.tracking_url",
  "fulfillments.labels.label_url",
]

// A vendor order's own fields, its items and shipping methods, and its
// vendor's public profile: never the master order (other vendors' lines,
// payments) through the vendor_order ↔ order link.
export const listVendorOrdersQueryConfig = {
  defaults: [...VENDOR_ORDER_FIELDS, ...VENDOR_ORDER_COMPANY_FIELDS],
  allowed: [...VENDOR_ORDER_FIELDS, ...VENDOR_ORDER_COMPANY_FIELDS],
  defaultLimit: 20,
  isList: true,
}
