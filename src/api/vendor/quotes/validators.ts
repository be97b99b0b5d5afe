import { z } from "@medusajs/framework/zod"
import { moneyAmount } from "../../../utils/money-input"
import { pageParams } from "../../utils/validation"
import { VENDOR_QUOTE_STATUSES } from "../../../modules/quote/models/vendor-quote"
import { QUOTE_VALIDITY } from "../../../modules/quote"

// An instant with its offset, e.g. 2026-12-31T00:00:00Z (as for price list dates).
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/
const text = z.string().trim().min(1, "must not be empty").max(2000)

/**
 * A vendor's answer: a unit price for every line of its part (item_id is the
 * cart line's id, as shown in the quote), finite, above 0 and at most
 * MARKETPLACE_MAX_AMOUNT (the money-input rules; the decimals of the
 * currency are checked against the quote), a validity date in the future
 * (at most a year; default 14 days) and a message.
 */
export const VendorRespondQuote = z
  .object({
    items: z
      .array(z.object({ item_id: z.string().trim().min(1).max(100), unit_price: moneyAmount("positive") }).strict())
      .min(1, "items needs a unit price for every line of the quote")
      .max(500)
      .superRefine((items, ctx) => {
        const seen = new Set<string>()
        items.forEach((i, n) => {
          if (seen.has(i.item_id)) ctx.addIssue({ code: "custom", path: [n, "item_id"], message: "one price per item" })
          seen.add(i.item_id)
        })
      }),
    valid_until: z
      .string()
      .refine(
        (v) => DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)),
        "must be an ISO 8601 date-time with an offset, e.g. 2026-12-31T00:00:00Z"
      )
      .refine((v) => Date.parse(v) > Date.now(), "must be in the future")
      .refine((v) => Date.parse(v) <= Date.now() + QUOTE_VALIDITY.maxDays * 86_400_000, `must be within ${QUOTE_VALIDITY.maxDays} days`)
      .optional(),
    message: text.optional(),
  })
  .strict()
export type VendorRespondQuoteType = z.infer<typeof VendorRespondQuote>

export const VendorDeclineQuote = z.object({ reason: text }).strict()
export type VendorDeclineQuoteType = z.infer<typeof VendorDeclineQuote>

export const VendorPostQuoteMessage = z.object({ body: text }).strict()
export type VendorPostQuoteMessageType = z.infer<typeof VendorPostQuoteMessage>

// `expired` is a quoted part whose validity has passed (not a stored status).
export const VENDOR_QUOTE_FILTERS = [...VENDOR_QUOTE_STATUSES, "expired"] as const
export const VendorListQuotes = pageParams({ limit: 20 })
  .extend({ status: z.enum(VENDOR_QUOTE_FILTERS).optional() })
  .strict()
export type VendorListQuotesType = z.infer<typeof VendorListQuotes>
