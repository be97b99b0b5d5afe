import { model } from "@medusajs/framework/utils"
import { Quote } from "./quote"
import { VendorQuoteItem } from "./vendor-quote-item"
import { QuoteMessage } from "./quote-message"

/**
 * Stored statuses of a vendor's part of a quote. `expired` is not stored: a
 * `quoted` part whose valid_until has passed reads as expired (quoteStatusAt),
 * so no job has to race the clock. `accepted` when the buyer accepted it,
 * `withdrawn` when the buyer accepted the quote without this part.
 */
export const VENDOR_QUOTE_STATUSES = ["requested", "quoted", "declined", "accepted", "withdrawn"] as const
export type VendorQuoteStatus = (typeof VENDOR_QUOTE_STATUSES)[number]

/** One vendor's part of a quote: only that vendor sees it (/vendor/quotes). */
export const VendorQuote = model
  .define("vendor_quote", {
    id: model.id({ prefix: "vquo" }).primaryKey(),
    vendor_id: model.text(),
    status: model.enum([...VENDOR_QUOTE_STATUSES]).default("requested"),
    currency_code: model.text(),
    valid_until: model.dateTime().nullable(),
    response_message: model.text().nullable(),
    decline_reason: model.text().nullable(),
    responded_at: model.dateTime().nullable(),
    responded_by: model.text().nullable(),
    quote: model.belongsTo(() => Quote, { mappedBy: "vendor_quotes" }),
    items: model.hasMany(() => VendorQuoteItem, { mappedBy: "vendor_quote" }),
    messages: model.hasMany(() => QuoteMessage, { mappedBy: "vendor_quote" }),
  })
  .cascades({ delete: ["items", "messages"] })
  .indexes([
    { on: ["vendor_id", "status", "created_at"], where: "deleted_at IS NULL" },
    { on: ["quote_id"], where: "deleted_at IS NULL" },
  ])
