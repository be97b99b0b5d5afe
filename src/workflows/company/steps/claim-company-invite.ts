import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import { hashInviteToken } from "../../../lib/invite-token"

export type ClaimCompanyInviteStepInput = { token: string; customer_id: string }

/**
 * Marks the invite accepted, once: the update only matches a row whose
 * accepted_at is still null, so two concurrent accepts cannot both win.
 * Unknown token 404; used or expired 400; the customer's e-mail must be the
 * invited one (400). The compensation reopens the invite.
 */
export const claimCompanyInviteStep = createStep(
  "claim-company-invite",
  async (input: ClaimCompanyInviteStepInput, { container }) => {
    const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
    const [invite] = await service.listCompanyInvites({ token_hash: hashInviteToken(input.token) })
    if (!invite) throw new MedusaError(MedusaError.Types.NOT_FOUND, "Invite not found.")
    if (invite.accepted_at) throw new MedusaError(MedusaError.Types.INVALID_DATA, "This invite has already been accepted.")
    if (new Date(invite.expires_at).getTime() <= Date.now())
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "This invite has expired.")

    const customer = await container.resolve(Modules.CUSTOMER).retrieveCustomer(input.customer_id, { select: ["id", "email"] })
    if ((customer.email ?? "").toLowerCase() !== invite.email) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `This invite is for ${invite.email}; sign in with that e-mail to accept it.`)
    }

    const claimed = await service.updateCompanyInvites({
      selector: { id: invite.id, accepted_at: null },
      data: { accepted_at: new Date() },
    })
    if (!(claimed as unknown as unknown[]).length)
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "This invite has already been accepted.")
    return new StepResponse(invite, invite.id)
  },
  async (id, { container }) => {
    if (!id) return
    const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
    await service.updateCompanyInvites({ id, accepted_at: null })
  }
)
