import { z } from "@medusajs/framework/zod"
import { maxQuantity } from "../../../utils/money-input"

export const MAX_BULK_LINES = 500

/** One quick-order line: exactly one of variant_id / sku, a whole quantity 1..MARKETPLACE_MAX_QUANTITY. */
const BulkLine = z
  .object({
    variant_id: z.string().min(1).max(100).optional(),
    sku: z.string().min(1).max(200).optional(),
    quantity: z.number().int("quantity must be a whole number").min(1, "quantity must be at least 1"),
  })
  .strict()
  .superRefine((line, ctx) => {
    if (!!line.variant_id === !!line.sku) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "give exactly one of variant_id and sku" })
    }
    if (line.quantity > maxQuantity()) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["quantity"], message: `quantity must be at most ${maxQuantity()}` })
    }
  })

/** POST /store/carts/:id/line-items/bulk (JSON, or text/csv turned into this shape by parseBulkCsv). */
export const StoreBulkLineItems = z
  .object({
    items: z.array(BulkLine).min(1, "give at least one line").max(MAX_BULK_LINES, `at most ${MAX_BULK_LINES} lines per request`),
  })
  .strict()
export type StoreBulkLineItemsType = z.infer<typeof StoreBulkLineItems>

/** POST /store/carts/:id/shipping-methods/auto: no body. */
export const StoreAutoShipping = z.object({}).strict()
