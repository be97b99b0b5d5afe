import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { inviteCompanyEmployeeWorkflow } from "../../../../../workflows/company/workflows/invite-company-employee"
import { COMPANY_MODULE } from "../../../../../modules/company"
import type CompanyModuleService from "../../../../../modules/company/service"
import { INVITE_FIELDS, companyContext, inviteView } from "../../helpers"
import type { StoreCreateCompanyInviteType, StoreListCompanyInvitesType } from "../../validators"

/**
 * POST /store/companies/me/invites (company admins): the token is in this
 * response and the invite e-mail, once; only its hash is stored.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreCreateCompanyInviteType>, res: MedusaResponse) {
  const { company, employee } = companyContext(req)
  const { result } = await inviteCompanyEmployeeWorkflow(req.scope).run({
    input: { ...req.validatedBody, company_id: company.id, invited_by: employee.id },
  })
  const invite = result.invite as Record<string, unknown>
  res.json({
    invite: {
      id: invite.id,
      company_id: invite.company_id,
      email: invite.email,
      role: invite.role,
      spending_limit: invite.spending_limit === null || invite.spending_limit === undefined ? null : Number(invite.spending_limit),
      spending_period: invite.spending_period ?? null,
      expires_at: invite.expires_at,
      accepted_at: invite.accepted_at ?? null,
      invited_by: invite.invited_by,
      created_at: invite.created_at,
    },
    token: result.token,
  })
}

/** GET /store/companies/me/invites (company admins): the company's invites, newest first, each open, accepted or expired. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, StoreListCompanyInvitesType>, res: MedusaResponse) {
  const { offset, limit } = req.validatedQuery
  const companies: CompanyModuleService = req.scope.resolve(COMPANY_MODULE)
  const [invites, count] = await companies.listAndCountCompanyInvites(
    { company_id: companyContext(req).company.id },
    { select: [...INVITE_FIELDS], skip: offset, take: limit, order: { created_at: "DESC", id: "DESC" } }
  )
  res.json({ invites: invites.map((i) => inviteView(i as unknown as Record<string, unknown>)), count, offset, limit })
}
