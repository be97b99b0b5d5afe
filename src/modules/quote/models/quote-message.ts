import { model } from "@medusajs/framework/utils"
import { VendorQuote } from "./vendor-quote"

export const QUOTE_AUTHOR_TYPES = ["customer", "vendor"] as const
export type QuoteAuthorType = (typeof QUOTE_AUTHOR_TYPES)[number]

/** One message of the thread between the buyer and one vendor on that vendor's quote. */
export const QuoteMessage = model
  .define("quote_message", {
    id: model.id({ prefix: "qmsg" }).primaryKey(),
    author_type: model.enum([...QUOTE_AUTHOR_TYPES]),
    // The customer id, or the vendor member id.
    author_id: model.text(),
    author_name: model.text().nullable(),
    body: model.text(),
    vendor_quote: model.belongsTo(() => VendorQuote, { mappedBy: "messages" }),
  })
  .indexes([{ on: ["vendor_quote_id", "created_at"], where: "deleted_at IS NULL" }])
