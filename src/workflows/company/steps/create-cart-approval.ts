import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BigNumber } from "@medusajs/framework/utils"
import { stateConflict } from "../../../lib/errors/state-conflict"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import type { CartApprovalRequest } from "./load-cart-approval-request"

const PENDING_MESSAGE = "This cart is already waiting for approval."

/**
 * Opens a pending approval for the cart as it is now. An approval that still
 * covers the cart is returned as it is (asking twice is harmless); one that
 * covered an earlier version of the cart is voided first. Two requests at
 * once: the unique index on live approvals per cart lets one in, the other
 * gets 409. Compensation deletes the approval it opened.
 */
export const createCartApprovalStep = createStep(
  "create-cart-approval",
  async (input: CartApprovalRequest, { container }) => {
    const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
    const [live] = await companies.listCompanyApprovals({ cart_id: input.cart_id, status: ["pending", "approved"] }, { take: 1 })
    if (live?.status === "pending") throw stateConflict(PENDING_MESSAGE)
    if (live && live.cart_fingerprint === input.cart_fingerprint) {
      return new StepResponse({ approval: live, created: false }, null)
    }
    if (live) await companies.voidStaleApproval(live.id)
    try {
      const approval = await companies.createCompanyApprovals({
        company_id: input.company_id,
        cart_id: input.cart_id,
        requested_by: input.employee_id,
        requester_customer_id: input.customer_id,
        status: "pending",
        cart_fingerprint: input.cart_fingerprint,
        // DML types a bigNumber column as number; it stores a BigNumber exactly.
        cart_total: new BigNumber(input.cart_total) as unknown as number,
        currency_code: input.currency_code,
      })
      return new StepResponse({ approval, created: true }, approval.id)
    } catch (e) {
      const [other] = await companies.listCompanyApprovals({ cart_id: input.cart_id, status: ["pending", "approved"] }, { take: 1 })
      if (other) throw stateConflict(PENDING_MESSAGE)
      throw e
    }
  },
  async (createdId, { container }) => {
    if (!createdId) return
    const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
    await companies.deleteCompanyApprovals([createdId])
  }
)
