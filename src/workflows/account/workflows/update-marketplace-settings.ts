import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateMarketplaceSettingsStep } from "../steps/update-marketplace-settings"
import { recordAuditStep } from "../../audit/steps/record-audit"
import type { AuditContext } from "../../../modules/audit/types"
import type { MarketplaceSettings } from "../../../lib/marketplace-settings"

export type UpdateMarketplaceSettingsInput = { update: Partial<MarketplaceSettings>; audit?: AuditContext }

/** Changes operator settings (require_admin_mfa); recorded as `marketplace_settings.updated`. */
export const updateMarketplaceSettingsWorkflow = createWorkflow("update-marketplace-settings", (input: UpdateMarketplaceSettingsInput) => {
  const result = updateMarketplaceSettingsStep({ update: input.update })
  recordAuditStep({
    audit: input.audit,
    entries: transform({ result }, ({ result }) => ({
      action: "marketplace_settings.updated",
      target_type: "marketplace_settings",
      target_id: result.store_id,
      vendor_id: null,
      before: result.before,
      after: result.after,
    })),
  })
  return new WorkflowResponse(transform({ result }, ({ result }) => result.after))
})
