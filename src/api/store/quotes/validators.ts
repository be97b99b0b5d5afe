import { z } from "@medusajs/framework/zod"
import { pageParams } from "../../utils/validation"
import { QUOTE_STATUSES } from "../../../modules/quote/models/quote"

const id = z.string().trim().min(1).max(100)
// A thread message or a note to the vendors: text, not a document.
export const quoteText = z.string().trim().min(1, "must not be empty").max(2000)

export const StoreCreateQuote = z.object({ cart_id: id, message: quoteText.optional() }).strict()
export type StoreCreateQuoteType = z.infer<typeof StoreCreateQuote>

export const StoreListQuotes = pageParams({ limit: 20 })
  .extend({ status: z.enum(QUOTE_STATUSES).optional() })
  .strict()
export type StoreListQuotesType = z.infer<typeof StoreListQuotes>

/**
 * Accept every answered part; the parts named in exclude_vendor_quote_ids
 * (unanswered or expired ones the buyer will not wait for) leave the quote,
 * and their lines leave the cart, as declined parts' lines do.
 */
export const StoreAcceptQuote = z.object({ exclude_vendor_quote_ids: z.array(id).max(100).optional() }).strict()
export type StoreAcceptQuoteType = z.infer<typeof StoreAcceptQuote>

export const StorePostQuoteMessage = z.object({ body: quoteText }).strict()
export type StorePostQuoteMessageType = z.infer<typeof StorePostQuoteMessage>
