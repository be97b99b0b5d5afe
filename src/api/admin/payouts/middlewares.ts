import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import { AdminListPayoutsParams, MarkPayoutFailedBody, MarkPayoutPaidBody, RetryPayoutBody } from "./validators"

export const adminPayoutRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/payouts", method: ["GET"], middlewares: [validateQuery(AdminListPayoutsParams)] },
  { matcher: "/admin/payouts/:id/mark-paid", method: ["POST"], middlewares: [validateBody(MarkPayoutPaidBody)] },
  { matcher: "/admin/payouts/:id/mark-failed", method: ["POST"], middlewares: [validateBody(MarkPayoutFailedBody)] },
  { matcher: "/admin/payouts/:id/retry", method: ["POST"], middlewares: [validateBody(RetryPayoutBody)] },
]
