import type { MedusaResponse } from "@medusajs/framework/http"
import { changePasswordWorkflow } from "../../../../workflows/account/workflows/change-password"
import type { VendorRequest } from "../../context"
import type { ChangePasswordType } from "../../../auth/validators"

/**
 * POST /vendor/me/password: the signed-in member changes their password
 * (any role: it is their own login). Earlier tokens stop working; the panel
 * signs in again. Answers the member as GET /vendor/me does.
 */
export async function POST(req: VendorRequest<ChangePasswordType>, res: MedusaResponse) {
  await changePasswordWorkflow(req.scope).run({
    input: { auth_identity_id: req.auth_context.auth_identity_id, actor_type: "vendor", ...req.validatedBody },
  })
  res.json({ member: req.vendor_context.member })
}
