import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import medusaRedisLocking from "@medusajs/medusa/locking-redis"
import { withOrderedKeys } from "../../lib/locking/ordered-keys"

/**
 * Medusa's Redis locking provider (same identifier, options, connection
 * loader and Lua scripts) with multi-key `execute` in a total order: see
 * src/lib/locking/ordered-keys.ts for the deadlock this removes.
 */
const [RedisLockingProvider] = medusaRedisLocking.services as [new (...args: any[]) => any]

export const OrderedRedisLockingProvider = withOrderedKeys(RedisLockingProvider)

export default ModuleProvider(Modules.LOCKING, {
  services: [OrderedRedisLockingProvider],
  loaders: medusaRedisLocking.loaders,
})
