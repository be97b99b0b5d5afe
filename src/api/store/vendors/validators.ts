import { z } from "@medusajs/framework/zod"
import { pageParams } from "../../utils/validation"

export const StoreListVendors = pageParams({ limit: 20 })
  .extend({ q: z.string().max(200).optional() })
  .strict()
export type StoreListVendorsType = z.infer<typeof StoreListVendors>
