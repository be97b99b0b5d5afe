/** What a customer sees of their own alert (the list and the POST answer; no `fields` parameter). */
export const STOCK_ALERT_FIELDS = ["id", "variant_id", "sales_channel_id", "channel", "status", "sent_at", "created_at"] as const
