import { z } from "@medusajs/framework/zod"
import { pageParams } from "../../utils/validation"
import { lower3 } from "../../vendor/payouts/validators"

export const AdminListPayoutRuns = pageParams({ limit: 20 }).strict()
export type AdminListPayoutRunsType = z.infer<typeof AdminListPayoutRuns>

export const RunPayoutsBody = z.object({ currency_code: lower3.optional() }).strict()
export type RunPayoutsBodyType = z.infer<typeof RunPayoutsBody>
