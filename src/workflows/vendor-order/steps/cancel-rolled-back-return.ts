import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules, OrderChangeStatus, ReturnStatus } from "@medusajs/framework/utils"

/**
 * Does nothing on the way in; composed right after Medusa's return is
 * created. If a later step of the vendor return fails (the receipt, the
 * stock, the ledger, the audit entry or the refund), Medusa's compensations
 * revert the order's items and stock but leave the return row itself
 * `requested` (found by refund-faults.spec.ts): an open return for goods
 * that never came back, shown in Medusa Admin. This compensation, which runs
 * before Medusa's own, cancels that return and any of its order changes
 * still open. Decision 49.
 */
export const cancelRolledBackReturnStep = createStep(
  "cancel-rolled-back-return",
  async (input: { return_id: string }) => new StepResponse(null, input.return_id),
  async (returnId, { container }) => {
    if (!returnId) return
    const orders: any = container.resolve(Modules.ORDER)
    const changes = await orders.listOrderChanges(
      { return_id: returnId, status: [OrderChangeStatus.PENDING, OrderChangeStatus.REQUESTED] },
      { select: ["id"] }
    )
    if (changes.length) await orders.cancelOrderChange(changes.map((c: any) => c.id))
    await orders.updateReturns([{ id: returnId, status: ReturnStatus.CANCELED, canceled_at: new Date() }])
  }
)
