import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import Redis from "ioredis"

/**
 * Fixed-window rate limiting keyed by client IP and path prefix.
 *
 * With REDIS_URL the counters live in Redis, so N API servers share one
 * budget per client; otherwise they live in this process's memory. Responses
 * carry the RateLimit-* headers, and a refused request gets 429 with
 * Retry-After. A Redis outage fails open (logged), so auth never goes down
 * with the limiter.
 */

type Hit = { count: number; resetMs: number }

interface CounterStore {
  hit(key: string, windowMs: number): Promise<Hit>
}

export class MemoryStore implements CounterStore {
  private windows = new Map<string, { count: number; resetAt: number }>()
  private lastSweep = Date.now()

  async hit(key: string, windowMs: number): Promise<Hit> {
    const now = Date.now()
    if (now - this.lastSweep > windowMs) {
      for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k)
      this.lastSweep = now
    }
    let w = this.windows.get(key)
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + windowMs }
      this.windows.set(key, w)
    }
    w.count++
    return { count: w.count, resetMs: w.resetAt - now }
  }
}

export class RedisStore implements CounterStore {
  constructor(private redis: Redis) {}

  async hit(key: string, windowMs: number): Promise<Hit> {
    // SET NX starts the window once; INCR and PTTL read it atomically.
    const res = await this.redis
      .multi()
      .set(key, 0, "PX", windowMs, "NX")
      .incr(key)
      .pttl(key)
      .exec()
    const count = Number(res![1][1])
    const ttl = Number(res![2][1])
    return { count, resetMs: ttl > 0 ? ttl : windowMs }
  }
}

let sharedStore: CounterStore | undefined
function store(): CounterStore {
  if (!sharedStore) {
    sharedStore = process.env.REDIS_URL
      ? new RedisStore(
          new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 1, commandTimeout: 1000 })
        )
      : new MemoryStore()
  }
  return sharedStore
}

export type RateLimitOptions = {
  /** Prefix of the counter keys, one budget per name. */
  name: string
  /** Read at request time so that tests and operators can tune them by env. */
  max: () => number
  windowMs: () => number
}

export function rateLimit(options: RateLimitOptions) {
  return async function rateLimitMiddleware(
    req: MedusaRequest,
    res: MedusaResponse,
    next: MedusaNextFunction
  ) {
    const max = options.max()
    if (max <= 0) return next()
    const windowMs = options.windowMs()
    // REDIS_KEY_PREFIX keeps deployments (or test runs) sharing one Redis apart.
    const key = `${process.env.REDIS_KEY_PREFIX || "lilium"}:rl:${options.name}:${req.ip}`
    let hit: Hit
    try {
      hit = await store().hit(key, windowMs)
    } catch (e) {
      req.scope?.resolve("logger")?.warn?.(`rate limiter unavailable, allowing request: ${e}`)
      return next()
    }
    const resetSeconds = Math.max(1, Math.ceil(hit.resetMs / 1000))
    res.setHeader("RateLimit-Limit", String(max))
    res.setHeader("RateLimit-Remaining", String(Math.max(0, max - hit.count)))
    res.setHeader("RateLimit-Reset", String(resetSeconds))
    if (hit.count > max) {
      res.setHeader("Retry-After", String(resetSeconds))
      return res.status(429).json({
        type: "too_many_requests",
        message: `Too many requests. Try again in ${resetSeconds} seconds.`,
      })
    }
    next()
  }
}

const envNumber = (name: string, fallback: number) => {
  const v = Number(process.env[name])
  return Number.isFinite(v) && process.env[name] !== "" && process.env[name] !== undefined ? v : fallback
}

/** /auth/*: AUTH_RATE_LIMIT_MAX requests per AUTH_RATE_LIMIT_WINDOW_SECONDS per IP. */
export const authRateLimit = rateLimit({
  name: "auth",
  max: () => envNumber("AUTH_RATE_LIMIT_MAX", 20),
  windowMs: () => envNumber("AUTH_RATE_LIMIT_WINDOW_SECONDS", 60) * 1000,
})
