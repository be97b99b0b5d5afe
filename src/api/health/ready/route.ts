import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { opsRedis, opsRedisReady } from "../../../lib/metrics/ops-redis"

type Check = { ok: boolean; ms: number; error?: string }

const PROBE_TIMEOUT_MS = 2000

async function timed(probe: () => Promise<unknown>): Promise<Check> {
  const started = Date.now()
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS)
      }),
    ])
    return { ok: true, ms: Date.now() - started }
  } catch (e) {
    return { ok: false, ms: Date.now() - started, error: e instanceof Error ? e.message : String(e) }
  } finally {
    clearTimeout(timer)
  }
}

/**
 * GET /health/ready: readiness for a load balancer or Kubernetes. Medusa's
 * `/health` only says the process answers (liveness, kept cheap); this one
 * also runs `select 1` on PostgreSQL and PING on Redis (when REDIS_URL is
 * set), each within 2 s. 200 when all pass, 503 with the failing check named.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const pg = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const redis = opsRedis()
  const [database, cache] = await Promise.all([
    timed(() => pg.raw("select 1")),
    redis
      ? timed(async () => {
          await opsRedisReady(redis, PROBE_TIMEOUT_MS)
          await redis.ping()
        })
      : undefined,
  ])
  const checks: Record<string, Check | { ok: true; skipped: string }> = {
    database,
    redis: cache ?? { ok: true, skipped: "REDIS_URL is not set" },
  }
  const ready = database.ok && (cache?.ok ?? true)
  res.setHeader("Cache-Control", "no-store")
  res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "not_ready", checks })
}
