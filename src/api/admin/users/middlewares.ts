import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../utils/validation"
import { ChangePassword } from "../../auth/validators"

export const adminUserRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/users/me/password", method: ["POST"], middlewares: [validateBody(ChangePassword)] },
]
