import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COMPANY_INVITE_TTL_HOURS, COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import type { CompanyRole, SpendingPeriod } from "../../../modules/company/models/company-employee"
import { assertCompanyAmount, spendingRule } from "./assert-company-amounts"
import { newInviteToken } from "../../../lib/invite-token"

export type CreateCompanyInviteStepInput = {
  company_id: string
  email: string
  role: CompanyRole
  spending_limit?: number | null
  spending_period?: SpendingPeriod | null
  invited_by: string
}

/**
 * Creates an invite with a random 32-byte token; only its SHA-256 hash is
 * stored, the token is returned once (response and e-mail). The limit the
 * invitee will have is checked now, in the company's currency.
 * The compensation deletes the invite.
 */
export const createCompanyInviteStep = createStep(
  "create-company-invite",
  async (input: CreateCompanyInviteStepInput, { container }) => {
    const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
    const company = await service.retrieveCompany(input.company_id, { select: ["id", "name", "currency_code"] })
    assertCompanyAmount("spending_limit", input.spending_limit, company.currency_code)
    const limit = spendingRule({ spending_limit: input.spending_limit, spending_period: input.spending_period })
    const { token, token_hash: hash } = newInviteToken()
    const invite = await service.createCompanyInvites({
      company_id: input.company_id,
      email: input.email.toLowerCase(),
      role: input.role,
      spending_limit: limit.spending_limit ?? null,
      spending_period: limit.spending_period ?? null,
      invited_by: input.invited_by,
      token_hash: hash,
      expires_at: new Date(Date.now() + COMPANY_INVITE_TTL_HOURS * 3600 * 1000),
    })
    const { token_hash, raw_spending_limit, ...safe } = invite as typeof invite & { raw_spending_limit?: unknown }
    return new StepResponse({ invite: safe, token, company_name: company.name }, invite.id)
  },
  async (id, { container }) => {
    if (!id) return
    const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
    await service.deleteCompanyInvites(id)
  }
)
