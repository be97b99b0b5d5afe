import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { stateConflict } from "../../../lib/errors/state-conflict"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"

// Calls that do not change what an approver approves: completing (which checks the approval) and the approvals themselves.
const STILL_OPEN = /^\/store\/carts\/[^/]+\/(complete|approvals)\/?$/

/**
 * A cart waiting for approval cannot be changed: every POST and DELETE under
 * /store/carts/:id (Medusa's and Lilium's: lines, addresses, promotions,
 * shipping, …) is 409 until an approver decides. An approved cart can be
 * changed again, but a change voids the approval (its fingerprint no longer
 * matches, checked at completion), so approvers always approved what is bought.
 */
export async function refuseChangesWhileAwaitingApproval(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const path = req.originalUrl.split("?")[0]
    const cartId = /^\/store\/carts\/([^/]+)/.exec(path)?.[1]
    if (!cartId || STILL_OPEN.test(path)) return next()
    const companies: CompanyModuleService = req.scope.resolve(COMPANY_MODULE)
    const [pending] = await companies.listCompanyApprovals({ cart_id: cartId, status: "pending" }, { select: ["id"], take: 1 })
    if (pending) throw stateConflict("This cart is waiting for approval and cannot be changed until an approver of your company decides.")
    next()
  } catch (e) {
    next(e)
  }
}

export const pendingApprovalMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/carts/:id", method: ["POST", "DELETE"], middlewares: [refuseChangesWhileAwaitingApproval] },
  { matcher: "/store/carts/:id/*", method: ["POST", "DELETE"], middlewares: [refuseChangesWhileAwaitingApproval] },
]
