import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LEDGER_MODULE } from "../../../modules/ledger"
import type LedgerModuleService from "../../../modules/ledger/service"

/** The payouts as they are now, in the order given (for responses). */
export const loadPayoutsStep = createStep("load-payouts", async (input: { ids: string[] }, { container }) => {
  if (!input.ids.length) return new StepResponse([] as any[])
  const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
  const rows = await ledger.listPayouts({ id: input.ids })
  const byId = new Map(rows.map((r) => [r.id, r]))
  return new StepResponse(input.ids.map((id) => byId.get(id)).filter(Boolean) as any[])
})
