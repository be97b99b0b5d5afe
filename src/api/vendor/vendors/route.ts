import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { createVendorWorkflow } from "../../../workflows/vendor/workflows/create-vendor"
import type { VendorApplyType } from "../validators"
import { auditContext } from "../../utils/audit"

/**
 * POST /vendor/vendors: apply to sell. Called with the registration token
 * from POST /auth/vendor/emailpass/register; creates a `pending` vendor with
 * the caller as its owner.
 */
export async function POST(req: AuthenticatedMedusaRequest<VendorApplyType>, res: MedusaResponse) {
  if (req.auth_context.actor_id) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This login already belongs to a vendor member.")
  }
  const { member, ...vendor } = req.validatedBody
  const { result } = await createVendorWorkflow(req.scope).run({
    input: {
      vendor: { ...vendor, status: "pending" },
      owner: member,
      auth_identity_id: req.auth_context.auth_identity_id,
      audit: auditContext(req),
    },
  })
  res.status(200).json({ vendor: result.vendor })
}
