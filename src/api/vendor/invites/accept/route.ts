import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { acceptVendorInviteWorkflow } from "../../../../workflows/vendor/workflows/accept-vendor-invite"
import type { VendorAcceptInviteType } from "../../validators"
import { auditContext } from "../../../utils/audit"

/**
 * POST /vendor/invites/accept {token}: with a registration token for the
 * invited e-mail; makes the login a member of the inviting vendor.
 */
export async function POST(req: AuthenticatedMedusaRequest<VendorAcceptInviteType>, res: MedusaResponse) {
  if (req.auth_context.actor_id) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This login already belongs to a vendor member.")
  }
  const { result } = await acceptVendorInviteWorkflow(req.scope).run({
    input: { ...req.validatedBody, auth_identity_id: req.auth_context.auth_identity_id, audit: auditContext(req) },
  })
  res.json({ member: result })
}
