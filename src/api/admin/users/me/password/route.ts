import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { refetchUser } from "@medusajs/medusa/api/admin/users/helpers"
import { retrieveTransformQueryConfig } from "@medusajs/medusa/api/admin/users/query-config"
import { changePasswordWorkflow } from "../../../../../workflows/account/workflows/change-password"
import type { ChangePasswordType } from "../../../../auth/validators"

/**
 * POST /admin/users/me/password: the signed-in admin user changes their
 * password (not with a secret API key: it has no password). Earlier tokens
 * and sessions stop working; the client signs in again.
 */
export async function POST(req: AuthenticatedMedusaRequest<ChangePasswordType>, res: MedusaResponse) {
  if (req.auth_context.actor_type !== "user" || !req.auth_context.auth_identity_id) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Only a signed-in admin user can change their password.")
  }
  await changePasswordWorkflow(req.scope).run({
    input: { auth_identity_id: req.auth_context.auth_identity_id, actor_type: "user", ...req.validatedBody },
  })
  const user = await refetchUser(req.auth_context.actor_id, req.scope, retrieveTransformQueryConfig.defaults)
  res.json({ user })
}
