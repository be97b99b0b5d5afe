import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refetchCustomer } from "@medusajs/medusa/api/store/customers/helpers"
import { retrieveTransformQueryConfig } from "@medusajs/medusa/api/store/customers/query-config"
import { changePasswordWorkflow } from "../../../../../workflows/account/workflows/change-password"
import type { ChangePasswordType } from "../../../../auth/validators"
import { customerId } from "../../../scope"

/**
 * POST /store/customers/me/password: the signed-in customer changes their
 * password. Every token and session issued before it stops working; the
 * client signs in again with the new password (as after Medusa's reset).
 */
export async function POST(req: AuthenticatedMedusaRequest<ChangePasswordType>, res: MedusaResponse) {
  await changePasswordWorkflow(req.scope).run({
    input: { auth_identity_id: req.auth_context.auth_identity_id, actor_type: "customer", ...req.validatedBody },
  })
  const customer = await refetchCustomer(customerId(req), req.scope, retrieveTransformQueryConfig.defaults)
  res.json({ customer })
}
