import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { stateConflict } from "../../../lib/errors/state-conflict"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import { readCartSnapshot } from "../utils/cart-snapshot"

export type CartApprovalDecision = {
  approval_id: string
  company_id: string
  /** The deciding employee (an approver or admin: the route's roles). */
  employee_id: string
  decision: "approved" | "rejected"
  note?: string | null
}

/**
 * Approves or rejects a pending approval, by compare-and-set on "pending", so
 * two approvers deciding at once give one decision (the other 409). Nobody
 * decides on their own cart (four eyes). An approval is only given to the
 * cart it was asked for: if the cart changed meanwhile (or is gone), the
 * request is voided instead (409). Compensation puts the approval back to
 * pending.
 */
export const decideCartApprovalStep = createStep(
  "decide-cart-approval",
  async (input: CartApprovalDecision, { container }) => {
    const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
    const [approval] = await companies.listCompanyApprovals({ id: input.approval_id, company_id: input.company_id }, { take: 1 })
    if (!approval) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Approval with id: ${input.approval_id} was not found`)
    if (approval.status !== "pending") throw stateConflict(`This approval is already ${approval.status}.`)
    if (approval.requested_by === input.employee_id) {
      throw new MedusaError(
        MedusaError.Types.FORBIDDEN,
        "You cannot decide on your own cart; another approver or admin of your company must."
      )
    }
    if (input.decision === "approved") {
      const cart = await readCartSnapshot(container, approval.cart_id).catch(() => null)
      if (!cart || cart.completed_at || cart.fingerprint !== approval.cart_fingerprint) {
        await companies.transitionApproval(approval.id, "pending", "voided")
        throw stateConflict("The cart changed after approval was asked for, so this request is void; the buyer must ask again.")
      }
    }
    const changed = await companies.transitionApproval(approval.id, "pending", input.decision, {
      decided_by: input.employee_id,
      note: input.note ?? null,
    })
    if (!changed) throw stateConflict("Another approver decided on this approval first.")
    const [decided] = await companies.listCompanyApprovals({ id: approval.id }, { take: 1 })
    return new StepResponse(decided, { id: approval.id, decision: input.decision })
  },
  async (undo, { container }) => {
    if (!undo) return
    const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
    if (await companies.transitionApproval(undo.id, undo.decision, "pending")) {
      await companies.updateCompanyApprovals({ id: undo.id, decided_by: null, decided_at: null, note: null })
    }
  }
)
