import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import { AdminListPayoutRuns, RunPayoutsBody } from "./validators"

export const adminPayoutRunRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/payout-runs", method: ["GET"], middlewares: [validateQuery(AdminListPayoutRuns)] },
  { matcher: "/admin/payout-runs", method: ["POST"], middlewares: [validateBody(RunPayoutsBody)] },
]
