import { model } from "@medusajs/framework/utils"
import { CHANNELS, RECIPIENT_TYPES } from "../categories"

/**
 * One person's choice for one category on one channel. A missing row means
 * the default (categories.ts), so only choices are stored. The recipient is
 * a customer id or a vendor member id (not a link: the row belongs to this
 * module alone, and a removed member's rows are simply never read again).
 */
export const NotificationPreference = model
  .define("notification_preference", {
    id: model.id({ prefix: "npref" }).primaryKey(),
    recipient_type: model.enum([...RECIPIENT_TYPES]),
    recipient_id: model.text(),
    category: model.text(),
    channel: model.enum([...CHANNELS]),
    enabled: model.boolean(),
  })
  .indexes([{ on: ["recipient_type", "recipient_id", "category", "channel"], unique: true, where: "deleted_at IS NULL" }])
