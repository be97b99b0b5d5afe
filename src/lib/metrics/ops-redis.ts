import Redis from "ioredis"

let client: Redis | undefined

/**
 * One Redis connection per process for operations reads (queue depth in
 * /metrics, the readiness check), separate from Medusa's module connections
 * so a slow scrape never queues behind events. No offline queue: while Redis
 * is unreachable a command fails at once, which is what a probe must see.
 * Undefined without REDIS_URL.
 */
export function opsRedis(): Redis | undefined {
  if (!process.env.REDIS_URL) return undefined
  if (!client) {
    client = new Redis(process.env.REDIS_URL, {
      maxRetriesPerRequest: 1,
      commandTimeout: 1000,
      enableOfflineQueue: false,
      lazyConnect: false,
    })
    client.on("error", () => {}) // reported by the readiness check
  }
  return client
}

/** Closes the connection (tests, shutdown). */
export async function closeOpsRedis(): Promise<void> {
  const c = client
  client = undefined
  if (c) await c.quit().catch(() => c.disconnect())
}

/** Resolves once the connection is ready, or after `ms`. */
export function opsRedisReady(c: Redis, ms = 1000): Promise<void> {
  if (c.status === "ready") return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    c.once("ready", () => {
      clearTimeout(timer)
      resolve()
    })
  })
}
