import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYOUT_MODULE } from "../../../modules/payout"
import type PayoutModuleService from "../../../modules/payout/service"

export type CreatePayoutRunInput = { currency_code?: string | null; trigger: "schedule" | "operator"; created_by?: string | null }

/** Records the run; if the run is cut short, the record says so. */
export const createPayoutRunStep = createStep(
  "create-payout-run",
  async (input: CreatePayoutRunInput, { container }) => {
    const payouts: PayoutModuleService = container.resolve(PAYOUT_MODULE)
    const run = await payouts.createPayoutRuns({
      currency_code: input.currency_code ?? null,
      trigger: input.trigger,
      created_by: input.created_by ?? null,
      status: "running",
    })
    return new StepResponse(run, run.id)
  },
  async (runId, { container }) => {
    if (!runId) return
    const payouts: PayoutModuleService = container.resolve(PAYOUT_MODULE)
    await payouts.updatePayoutRuns({ id: runId, status: "failed", error: "The run stopped before it finished", completed_at: new Date() })
  }
)
