import { z } from "@medusajs/framework/zod"
import { createOperatorMap } from "@medusajs/medusa/api/utils/validators"
import { TRANSACTION_TYPES } from "../../../modules/ledger/models/vendor-transaction"
import { pageParams } from "../../utils/validation"

// Up to 1000 rows a page: statements are exported as CSV in few requests.
export const ListTransactionsParams = pageParams({ limit: 50, max: 1000 })
  .extend({
    type: z.union([z.enum([...TRANSACTION_TYPES]), z.array(z.enum([...TRANSACTION_TYPES]))]).optional(),
    currency_code: z
      .string()
      .length(3)
      .transform((c) => c.toLowerCase())
      .optional(),
    vendor_order_id: z.string().optional(),
    created_at: createOperatorMap(z.string().refine((v) => !Number.isNaN(Date.parse(v)), "must be an ISO 8601 date")).optional(),
    format: z.enum(["json", "csv"]).default("json"),
  })
  .strict()
export type ListTransactionsParamsType = z.infer<typeof ListTransactionsParams>
