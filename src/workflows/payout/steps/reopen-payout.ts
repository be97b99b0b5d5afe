import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LEDGER_MODULE } from "../../../modules/ledger"
import type LedgerModuleService from "../../../modules/ledger/service"

/**
 * Makes a payout sendable again (LedgerModuleService.reopenPayout, which
 * decides under the payout's row lock). A manual payout in processing is
 * with the operator, not stuck: 409. If the retry
 * stops before sending, the new attempt is failed again and its debit
 * reversed.
 */
export const reopenPayoutStep = createStep(
  "reopen-payout",
  async (input: { id: string }, { container }) => {
    const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
    const { reopened } = await ledger.reopenPayout(input.id)
    return new StepResponse(reopened, reopened ? input.id : undefined)
  },
  async (id, { container }) => {
    if (!id) return
    const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
    const [payout] = await ledger.listPayouts({ id, status: "pending", attempted_at: null }, { select: ["id"] })
    if (payout) await ledger.failPayout(id, { code: "retry_aborted", reason: "The retry stopped before the payout was sent" }, ["pending"])
  }
)
