import { z } from "@medusajs/framework/zod"
import { createOperatorMap } from "@medusajs/medusa/api/utils/validators"
import { PAYOUT_STATUSES } from "../../../modules/ledger/models/payout"
import { pageParams } from "../../utils/validation"

export const lower3 = z
  .string()
  .length(3)
  .transform((c) => c.toLowerCase())
export const oneOrMany = <T extends z.ZodTypeAny>(t: T) => z.union([t, z.array(t)])

export const ListPayoutsParams = pageParams({ limit: 50, max: 200 })
  .extend({
    status: oneOrMany(z.enum([...PAYOUT_STATUSES])).optional(),
    currency_code: lower3.optional(),
    provider: z.string().max(50).optional(),
    created_at: createOperatorMap(z.string().refine((v) => !Number.isNaN(Date.parse(v)), "must be an ISO 8601 date")).optional(),
  })
  .strict()
export type ListPayoutsParamsType = z.infer<typeof ListPayoutsParams>
