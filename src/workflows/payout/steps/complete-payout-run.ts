import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYOUT_MODULE } from "../../../modules/payout"
import type PayoutModuleService from "../../../modules/payout/service"

/** Closes the run record with the number of payouts it handled. */
export const completePayoutRunStep = createStep(
  "complete-payout-run",
  async (input: { run_id: string; payout_count: number }, { container }) => {
    const payouts: PayoutModuleService = container.resolve(PAYOUT_MODULE)
    const run = await payouts.updatePayoutRuns({
      id: input.run_id,
      status: "completed",
      payout_count: input.payout_count,
      completed_at: new Date(),
    })
    return new StepResponse(run)
  }
)
