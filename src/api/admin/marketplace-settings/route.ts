import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { readMarketplaceSettings } from "../../../lib/marketplace-settings"
import { hasEnabledMfaFactor } from "../../utils/mfa"
import { updateMarketplaceSettingsWorkflow } from "../../../workflows/account/workflows/update-marketplace-settings"
import { auditContext } from "../../utils/audit"
import type { AdminUpdateMarketplaceSettingsType } from "./validators"

/** GET /admin/marketplace-settings: the operator's runtime settings. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { settings } = await readMarketplaceSettings(req.scope)
  res.json({ marketplace_settings: settings })
}

/**
 * POST /admin/marketplace-settings {require_admin_mfa}. An admin user can
 * turn the requirement on only with 2FA enrolled themself (400 otherwise),
 * so the operator who turns it on can always sign in again and turn it off.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateMarketplaceSettingsType>, res: MedusaResponse) {
  const update = req.validatedBody
  if (update.require_admin_mfa && req.auth_context.actor_type === "user") {
    if (!(await hasEnabledMfaFactor(req.scope, req.auth_context.auth_identity_id))) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "Enrol two-factor authentication yourself before requiring it for every admin user (POST /auth/mfa/factors, then " +
          "POST /auth/mfa/factors/:id/verify); otherwise this change would lock you out of the admin."
      )
    }
  }
  const { result } = await updateMarketplaceSettingsWorkflow(req.scope).run({ input: { update, audit: auditContext(req) } })
  res.json({ marketplace_settings: result })
}
