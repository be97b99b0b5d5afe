import { marketplaceGauges, metricsRegistry } from "./index"
import { opsRedis, opsRedisReady } from "./ops-redis"
import { collectQueueDepth } from "./queues"

/**
 * The exposition text (Prometheus text format 0.0.4) of this process's
 * registry, with the Redis queue depth refreshed. `beforeRender` adds figures
 * that need the application (the API route passes the marketplace gauges'
 * collection); the internal port has none.
 */
export async function renderMetrics(beforeRender?: () => Promise<void>): Promise<{ contentType: string; body: string }> {
  if (beforeRender) {
    // A failed read still answers with the process metrics and the error counter.
    await beforeRender().catch(() => {})
  } else {
    const redis = opsRedis()
    if (redis)
      await opsRedisReady(redis)
        .then(() => collectQueueDepth(redis))
        .catch(() => marketplaceGauges.scrapeErrors.inc())
  }
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() }
}
