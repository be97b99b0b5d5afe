import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BigNumber } from "@medusajs/framework/utils"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"

export type SetApprovalSettingsInput = { company_id: string; currency_code: string; approval_threshold: string | null }

const asColumn = (v: string | null) => (v === null ? null : (new BigNumber(v) as unknown as number))

/** Creates or replaces a company's approval settings (one row per company); compensation restores the previous values. */
export const setCompanyApprovalSettingsStep = createStep(
  "set-company-approval-settings",
  async (input: SetApprovalSettingsInput, { container }) => {
    const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
    const [before] = await companies.listCompanyApprovalSettings({ company_id: input.company_id }, { take: 1 })
    const values = { currency_code: input.currency_code, approval_threshold: asColumn(input.approval_threshold) }
    const saved = before
      ? await companies.updateCompanyApprovalSettings({ id: before.id, ...values })
      : await companies.createCompanyApprovalSettings({ company_id: input.company_id, ...values })
    return new StepResponse(saved, {
      id: saved.id,
      before: before ? { currency_code: before.currency_code, approval_threshold: before.approval_threshold } : null,
    })
  },
  async (undo, { container }) => {
    if (!undo) return
    const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
    if (undo.before) await companies.updateCompanyApprovalSettings({ id: undo.id, ...undo.before })
    else await companies.deleteCompanyApprovalSettings([undo.id])
  }
)
