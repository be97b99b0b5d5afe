import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { updateVendorWorkflow } from "../../../workflows/vendor/workflows/update-vendor"
import { hasEnabledMfaFactor } from "../../utils/mfa"
import type { VendorRequest } from "../context"
import { auditContext } from "../../utils/audit"
import type { VendorUpdateMeType } from "../validators"

/** GET /vendor/me: the calling member and its vendor. */
export async function GET(req: VendorRequest, res: MedusaResponse) {
  const { member, vendor } = req.vendor_context
  res.json({ member, vendor })
}

/**
 * POST /vendor/me: update the vendor's profile (owner and admin).
 * `require_member_mfa` is the owner's alone (403 for others), and the owner
 * can turn it on only with 2FA enrolled themself (400), so that turning it
 * on never shuts the owner out of the setting.
 */
export async function POST(req: VendorRequest<VendorUpdateMeType>, res: MedusaResponse) {
  const { member } = req.vendor_context
  const update = req.validatedBody
  if (update.require_member_mfa !== undefined) {
    if (member.role !== "owner") {
      throw new MedusaError(MedusaError.Types.FORBIDDEN, `Only the owner can change require_member_mfa; the ${member.role} role cannot.`)
    }
    if (update.require_member_mfa && !(await hasEnabledMfaFactor(req.scope, req.auth_context.auth_identity_id))) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "Enrol two-factor authentication yourself before requiring it for every member (POST /auth/mfa/factors, then " +
          "POST /auth/mfa/factors/:id/verify); otherwise this change would lock you out of the vendor panel."
      )
    }
  }
  const { result } = await updateVendorWorkflow(req.scope).run({
    input: { id: req.vendor_context.vendor.id, update, audit: auditContext(req) },
  })
  res.json({ vendor: result })
}
