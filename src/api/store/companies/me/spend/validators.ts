import { z } from "@medusajs/framework/zod"
import { instant } from "../../../../admin/analytics/validators"

/**
 * GET /store/companies/me/spend: `from`/`to` as in analytics — a date is a
 * whole day in the company's time zone (both days included), a date-time
 * needs its offset (`to` exclusive). The range is checked against the
 * company's zone in the handler.
 */
export const StoreCompanySpendParams = z.object({ from: instant.optional(), to: instant.optional() }).strict()
export type StoreCompanySpendParamsType = z.infer<typeof StoreCompanySpendParams>
