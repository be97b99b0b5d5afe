import { unlessPath, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import { AdminCreateCommissionRule, AdminListCommissionRules, AdminPreviewCommission, AdminUpdateCommissionRule } from "./validators"

export const adminCommissionRuleRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/commission-rules", method: ["GET"], middlewares: [validateQuery(AdminListCommissionRules)] },
  { matcher: "/admin/commission-rules", method: ["POST"], middlewares: [validateBody(AdminCreateCommissionRule)] },
  { matcher: "/admin/commission-rules/preview", method: ["POST"], middlewares: [validateBody(AdminPreviewCommission)] },
  {
    matcher: "/admin/commission-rules/:id",
    method: ["POST"],
    // /preview is a route of its own, with its own body.
    // The schema stays visible on the wrapper for the generated bad-input test.
    middlewares: [
      Object.assign(unlessPath(/\/preview\/?$/, validateBody(AdminUpdateCommissionRule)), { bodySchema: AdminUpdateCommissionRule }),
    ],
  },
]
