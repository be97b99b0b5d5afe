import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { updateStoresWorkflow } from "@medusajs/medusa/core-flows"
import { seedMarketplaceBasics } from "./lib/marketplace-basics"
import { seedPolicy } from "./lib/seed-policy"
import { seedDemo } from "./lib/demo"

/**
 * `npm run seed` (and the first `npm start`): sets up the marketplace and
 * the demo vendors with their products. What may be seeded is decided by
 * seedPolicy (lib/seed-policy.ts): with NODE_ENV=production there are no demo
 * logins unless SEED_DEMO=true, and no admin user without
 * MEDUSA_ADMIN_PASSWORD. The store's metadata records that seeding finished,
 * so a second run (or a second start) does nothing.
 */
export default async function seed({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const log = (message: string) => logger.info(`[seed] ${message}`)
  const storeModule = container.resolve(Modules.STORE)
  const [store] = await storeModule.listStores({}, { take: 1 })

  if (store?.metadata?.lilium_seeded_at && process.env.SEED_FORCE !== "true") {
    log(`already seeded at ${store.metadata.lilium_seeded_at}; nothing to do`)
    return
  }

  const policy = seedPolicy(process.env)
  for (const note of policy.notes) logger.warn(`[seed] ${note}`)
  const basics = await seedMarketplaceBasics(container, {
    adminEmail: policy.admin?.email ?? "",
    adminPassword: policy.admin ? policy.admin.password : null,
    log,
  })

  const demo = policy.demo
  if (demo) await seedDemo(container, basics, log)

  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: basics.store_id },
      update: {
        metadata: {
          ...(store?.metadata ?? {}),
          lilium_seeded_at: new Date().toISOString(),
          lilium_seeded_demo: demo,
        },
      },
    },
  })
  log(`done. Publishable key: ${basics.publishable_key}`)
}
