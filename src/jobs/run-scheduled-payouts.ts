import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runPayoutsWorkflow } from "../workflows/payout/workflows/run-payouts"
import { minPayout } from "../utils/payout-hold"
import { payoutSchedule } from "../options"

/**
 * The daily payout run (option payoutSchedule, env MARKETPLACE_PAYOUT_SCHEDULE, cron, default 06:00
 * UTC). It runs on the worker; the run lock keeps it from overlapping an
 * operator's run, and an interrupted run is resumed by the next one.
 */
export default async function runScheduledPayouts(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const { result } = await runPayoutsWorkflow(container).run({ input: { trigger: "schedule", min_amount: minPayout() } })
    const by = (s: string) => result.payouts.filter((p: any) => p.status === s).length
    logger.info(
      `Payout run ${result.id}: ${result.payouts.length} payouts (${by("paid")} paid, ${by("processing")} processing, ${by("failed")} failed)`
    )
  } catch (e) {
    logger.error(`The scheduled payout run failed: ${(e as Error).message}`)
  }
}

export const config = {
  name: "run-scheduled-payouts",
  // Read when the job is imported, after the modules (and their options) loaded.
  schedule: payoutSchedule(),
}
