import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LEDGER_MODULE } from "../../../modules/ledger"
import type LedgerModuleService from "../../../modules/ledger/service"

/** The payouts as they are now, in the order given (for responses). */
export const loadPayoutsStep = createStep("load-payouts", async (input: { ids: string[] }, { container }) => {
  const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
  const rows = input.ids.length ? await ledger.listPayouts({ id: input.ids }) : []
  const byId = new Map(rows.map((r) => [r.id, r]))
  return new StepResponse(input.ids.flatMap((id) => byId.get(id) ?? []))
})
