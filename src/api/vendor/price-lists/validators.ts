import { z } from "@medusajs/framework/zod"
import { currencyDecimals, lineQuantity, moneyAmount } from "../../../utils/money-input"
import { pageParams } from "../../utils/validation"

// An instant with its offset ("local time of which zone?" has no good default), e.g. 2026-12-01T00:00:00Z.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/
const instant = z
  .string()
  .refine(
    (v) => DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)),
    "must be an ISO 8601 date-time with an offset, e.g. 2026-12-01T00:00:00Z"
  )

/**
 * One company price: the money-input rules (src/utils/money-input.ts) as for
 * the vendor's own variant prices — finite, not negative, at most
 * MARKETPLACE_MAX_AMOUNT, no more decimals than the currency has — and
 * quantity tiers as whole numbers, min ≤ max.
 */
const price = z
  .object({
    variant_id: z.string().trim().min(1).max(100),
    currency_code: z
      .string()
      .regex(/^[A-Za-z]{3}$/, "must be a 3-letter ISO 4217 currency code")
      .transform((c) => c.toLowerCase()),
    amount: moneyAmount("nonnegative"),
    min_quantity: lineQuantity().nullish(),
    max_quantity: lineQuantity().nullish(),
  })
  .strict()
  .superRefine(currencyDecimals())
  .superRefine((p, ctx) => {
    if (p.min_quantity != null && p.max_quantity != null && p.min_quantity > p.max_quantity) {
      ctx.addIssue({ code: "custom", path: ["max_quantity"], message: "max_quantity must not be below min_quantity" })
    }
  })

const prices = z
  .array(price)
  .min(1, "prices needs at least one price")
  .max(500)
  .superRefine((list, ctx) => {
    const seen = new Set<string>()
    list.forEach((p, i) => {
      const key = [p.variant_id, p.currency_code, p.min_quantity ?? "", p.max_quantity ?? ""].join("|")
      if (seen.has(key)) {
        ctx.addIssue({ code: "custom", path: [i], message: "one price per variant, currency and quantity tier" })
      }
      seen.add(key)
    })
  })

const datesInOrder = (b: { starts_at?: string | null; ends_at?: string | null }, ctx: z.RefinementCtx) => {
  if (b.starts_at && b.ends_at && Date.parse(b.starts_at) >= Date.parse(b.ends_at)) {
    ctx.addIssue({ code: "custom", path: ["ends_at"], message: "ends_at must be after starts_at" })
  }
}

const text = { title: z.string().trim().min(1).max(200), description: z.string().trim().max(2000) }

export const VendorCreatePriceList = z
  .object({
    company_id: z.string().trim().min(1).max(100),
    title: text.title,
    description: text.description.optional(),
    starts_at: instant.nullish(),
    ends_at: instant.nullish(),
    prices,
  })
  .strict()
  .superRefine(datesInOrder)
export type VendorCreatePriceListType = z.infer<typeof VendorCreatePriceList>

/** Title, description and dates are set as given (null clears a date); `prices` replaces every price of the list. */
export const VendorUpdatePriceList = z
  .object({
    title: text.title.optional(),
    description: text.description.optional(),
    starts_at: instant.nullish(),
    ends_at: instant.nullish(),
    prices: prices.optional(),
  })
  .strict()
  .superRefine(datesInOrder)
  .refine((b) => Object.keys(b).length > 0, "nothing to change: send title, description, starts_at, ends_at or prices")
export type VendorUpdatePriceListType = z.infer<typeof VendorUpdatePriceList>

export const VendorListPriceLists = pageParams({ limit: 20 })
  .extend({ company_id: z.string().trim().min(1).max(100).optional() })
  .strict()
export type VendorListPriceListsType = z.infer<typeof VendorListPriceLists>

export type VendorPriceInput = z.infer<typeof price>
