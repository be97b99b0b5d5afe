import { model } from "@medusajs/framework/utils"
import { Vendor } from "./vendor"
import { VendorOrderItem } from "./vendor-order-item"
import { VendorOrderShippingMethod } from "./vendor-order-shipping-method"
import { VendorOrderStatusChange } from "./vendor-order-status-change"

export const VENDOR_ORDER_STATUSES = ["pending", "accepted", "rejected", "fulfilled", "shipped", "delivered", "canceled"] as const
export type VendorOrderStatus = (typeof VENDOR_ORDER_STATUSES)[number]

/**
 * One vendor's part of a master (Medusa) order: its items, shipping
 * methods and totals, its own display number and its own status. The master
 * order keeps the payment, reservations and the customer's view.
 * Amounts are Medusa's computed line totals summed per vendor (API.md).
 */
export const VendorOrder = model
  .define("vendor_order", {
    id: model.id({ prefix: "vord" }).primaryKey(),
    display_id: model.number(),
    order_id: model.text(),
    status: model.enum([...VENDOR_ORDER_STATUSES]).default("pending"),
    currency_code: model.text(),
    customer_id: model.text().nullable(),
    email: model.text().searchable().nullable(),
    subtotal: model.bigNumber(),
    item_total: model.bigNumber(),
    shipping_total: model.bigNumber(),
    discount_total: model.bigNumber(),
    tax_total: model.bigNumber(),
    total: model.bigNumber(),
    commission_total: model.bigNumber().default(0),
    refunded_total: model.bigNumber().default(0),
    status_reason: model.text().nullable(),
    accepted_at: model.dateTime().nullable(),
    rejected_at: model.dateTime().nullable(),
    fulfilled_at: model.dateTime().nullable(),
    shipped_at: model.dateTime().nullable(),
    delivered_at: model.dateTime().nullable(),
    canceled_at: model.dateTime().nullable(),
    metadata: model.json().nullable(),
    vendor: model.belongsTo(() => Vendor, { mappedBy: "orders" }),
    items: model.hasMany(() => VendorOrderItem, { mappedBy: "vendor_order" }),
    shipping_methods: model.hasMany(() => VendorOrderShippingMethod, { mappedBy: "vendor_order" }),
    status_history: model.hasMany(() => VendorOrderStatusChange, { mappedBy: "vendor_order" }),
  })
  .indexes([
    // The split is idempotent: one vendor order per vendor and order.
    { on: ["order_id", "vendor_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["vendor_id", "display_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["vendor_id", "status", "created_at"] },
  ])
