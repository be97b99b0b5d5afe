import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { rebuildSalesFacts } from "./lib/rebuild-sales-facts"

/** `npm run analytics:rebuild`: recreates the sales facts and rollups from the source tables. */
export default async function rebuild({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const started = Date.now()
  const result = await rebuildSalesFacts(container, { log: (m) => logger.info(`[analytics] ${m}`) })
  logger.info(`[analytics] rebuilt ${result.facts} facts from ${result.vendor_orders} vendor orders in ${Date.now() - started} ms`)
}
