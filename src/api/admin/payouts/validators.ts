import { z } from "@medusajs/framework/zod"
import { ListPayoutsParams, oneOrMany } from "../../vendor/payouts/validators"

export const AdminListPayoutsParams = ListPayoutsParams.extend({
  vendor_id: oneOrMany(z.string()).optional(),
  run_id: z.string().optional(),
}).strict()
export type AdminListPayoutsParamsType = z.infer<typeof AdminListPayoutsParams>

export const MarkPayoutPaidBody = z.object({ reference: z.string().trim().min(1).max(200) }).strict()
export type MarkPayoutPaidBodyType = z.infer<typeof MarkPayoutPaidBody>
export const MarkPayoutFailedBody = z.object({ reason: z.string().trim().min(3).max(1000) }).strict()
export type MarkPayoutFailedBodyType = z.infer<typeof MarkPayoutFailedBody>
export const RetryPayoutBody = z.object({}).strict()
