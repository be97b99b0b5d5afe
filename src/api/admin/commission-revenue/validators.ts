import { z } from "@medusajs/framework/zod"

export const AdminCommissionRevenueParams = z
  .object({
    currency_code: z
      .string()
      .length(3)
      .transform((c) => c.toLowerCase())
      .optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
  })
  .strict()
export type AdminCommissionRevenueParamsType = z.infer<typeof AdminCommissionRevenueParams>
