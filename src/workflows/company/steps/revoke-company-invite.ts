import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { stateConflict } from "../../../lib/errors/state-conflict"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"

/**
 * A company admin withdraws an invite: its link stops working (accepting it
 * is then "Invite not found."). An accepted invite cannot be withdrawn (409:
 * remove the employee instead). Compensation restores the invite.
 */
export const revokeCompanyInviteStep = createStep(
  "revoke-company-invite",
  async (input: { company_id: string; invite_id: string }, { container }) => {
    const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
    if (await companies.revokeOpenInvite(input.company_id, input.invite_id)) return new StepResponse(input.invite_id, input.invite_id)
    const [invite] = await companies.listCompanyInvites({ id: input.invite_id, company_id: input.company_id }, { take: 1 })
    if (!invite) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Invite with id: ${input.invite_id} was not found`)
    throw stateConflict("This invite was already accepted; remove the employee instead.")
  },
  async (id, { container }) => {
    if (!id) return
    const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
    await companies.restoreCompanyInvites([id])
  }
)
