import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setCompanyApprovalSettingsWorkflow } from "../../../../../workflows/company/workflows/set-company-approval-settings"
import { approvalSettingsView, companyContext } from "../../helpers"
import type { StoreSetApprovalSettingsType } from "../../validators"

/**
 * POST /store/companies/me/approval-settings (company admins): carts of the
 * company whose total is above approval_threshold (in currency_code; a cart
 * in another currency always) need an approved approval to complete. A null
 * threshold turns approvals off.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreSetApprovalSettingsType>, res: MedusaResponse) {
  const { currency_code, approval_threshold } = req.validatedBody
  const { result } = await setCompanyApprovalSettingsWorkflow(req.scope).run({
    input: {
      company_id: companyContext(req).company.id,
      currency_code,
      approval_threshold: approval_threshold === null ? null : String(approval_threshold),
    },
  })
  res.json({ approval_settings: approvalSettingsView(result as unknown as Record<string, unknown>) })
}
