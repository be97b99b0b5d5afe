import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import medusaRedisLocking from "@medusajs/medusa/locking-redis"
import { withLocalQueue } from "../../lib/locking/local-queue"
import { withOrderedKeys } from "../../lib/locking/ordered-keys"

/**
 * Medusa's Redis locking provider (same identifier, options, connection
 * loader and Lua scripts) with multi-key `execute` in a total order (see
 * src/lib/locking/ordered-keys.ts for the deadlock this removes), each key
 * waited for in arrival order within the process (src/lib/locking/local-queue.ts).
 */
const [RedisLockingProvider] = medusaRedisLocking.services as [new (...args: any[]) => any]

/**
 * This provider's own options. Medusa 2.21 constructs a locking provider with the Locking *module's* options
 * (`{ providers: [...], database, ... }`), not the provider entry's, so Medusa's provider never sees
 * `waitLockingTimeout` and friends (its connection loader does get them). Picks our entry out of the list.
 */
export function ownProviderOptions(options: any) {
  if (!Array.isArray(options?.providers)) return options
  const mine = options.providers.find((p: { resolve?: unknown }) => typeof p?.resolve === "string" && p.resolve.includes("locking-redis"))
  return mine?.options ?? {}
}

class RedisLockingWithOwnOptions extends RedisLockingProvider {
  constructor(cradle: unknown, options: unknown, ...rest: unknown[]) {
    super(cradle, ownProviderOptions(options), ...rest)
  }
}

export const OrderedRedisLockingProvider = withOrderedKeys(withLocalQueue(RedisLockingWithOwnOptions as new (...args: any[]) => any))

export default ModuleProvider(Modules.LOCKING, {
  services: [OrderedRedisLockingProvider],
  loaders: medusaRedisLocking.loaders,
})
