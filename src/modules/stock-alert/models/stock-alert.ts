import { model } from "@medusajs/framework/utils"

export const STOCK_ALERT_STATUSES = ["active", "sent", "canceled"] as const
export type StockAlertStatus = (typeof STOCK_ALERT_STATUSES)[number]
export const STOCK_ALERT_CHANNELS = ["email", "sms"] as const
export type StockAlertChannel = (typeof STOCK_ALERT_CHANNELS)[number]

/**
 * A customer's wish to hear once when a variant can be bought again in the
 * sales channel the alert was made in. Plain ids, not links: the alert
 * belongs to this module, and a removed customer or variant only leaves an
 * alert that never fires (the sender skips variants it cannot read).
 * `active` → `sent` (with sent_at) happens once, by compare-and-set.
 */
export const StockAlert = model
  .define("stock_alert", {
    id: model.id({ prefix: "salert" }).primaryKey(),
    customer_id: model.text(),
    variant_id: model.text(),
    sales_channel_id: model.text(),
    channel: model.enum([...STOCK_ALERT_CHANNELS]).default("email"),
    status: model.enum([...STOCK_ALERT_STATUSES]).default("active"),
    sent_at: model.dateTime().nullable(),
  })
  .indexes([
    // The sender's lookup: active alerts of a variant.
    { on: ["variant_id", "status"], where: "deleted_at IS NULL" },
    // A customer's list.
    { on: ["customer_id"], where: "deleted_at IS NULL" },
    // One active alert per customer and variant (a second POST returns it).
    { on: ["customer_id", "variant_id"], unique: true, where: "status = 'active' AND deleted_at IS NULL" },
  ])
