import crypto from "node:crypto"
import net from "node:net"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getAuthContextFromJwtToken } from "@medusajs/framework/http"
import Redis from "ioredis"
import { clientIp, ipBudgetKey, parseAddressList } from "./client-ip"
import { rateLimitOption } from "../../options"

export { clientIp, trustProxy } from "./client-ip"

/**
 * Rate limits on every API route (docs/decisions.md, "Rate limits"): fixed windows, one budget per
 * client and kind of request.
 *
 * - /store, /admin, /vendor: a read budget (GET, HEAD) and a write budget
 *   (everything else) per client. A client is its credential when it has a
 *   genuine one (a logged-in session, a bearer JWT whose signature verifies,
 *   a secret API key Medusa accepted), keyed by a SHA-256 of it, never the
 *   token itself; otherwise its IP address (IPv6: its /64).
 * - /auth: per IP, and per identifier (the e-mail or identifier in the
 *   body) on POST, so that neither one address nor one account can be tried
 *   more than the budget allows.
 * - /hooks (Stripe webhooks): a loose budget per IP.
 * - Anything else (/health, /app, /static) is not limited; neither are
 *   CORS preflights.
 *
 * With REDIS_URL the counters live in Redis, so N API servers share each
 * budget; every request costs one MULTI round-trip. A Redis failure lets the
 * request through and is logged once per outage. Responses carry RateLimit-*
 * headers for the tightest budget, and a refused request gets 429 with
 * Retry-After and a JSON message naming the budget.
 */

export type Hit = { count: number; resetMs: number }

export interface CounterStore {
  /** Counts one request against each key, atomically, in one round-trip. */
  hitAll(items: { key: string; windowMs: number }[]): Promise<Hit[]>
}

export class MemoryStore implements CounterStore {
  private windows = new Map<string, { count: number; resetAt: number }>()
  private lastSweep = Date.now()

  async hit(key: string, windowMs: number): Promise<Hit> {
    return (await this.hitAll([{ key, windowMs }]))[0]
  }

  async hitAll(items: { key: string; windowMs: number }[]): Promise<Hit[]> {
    const now = Date.now()
    if (now - this.lastSweep > 60_000) {
      for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k)
      this.lastSweep = now
    }
    return items.map(({ key, windowMs }) => {
      let w = this.windows.get(key)
      if (!w || w.resetAt <= now) {
        w = { count: 0, resetAt: now + windowMs }
        this.windows.set(key, w)
      }
      w.count++
      return { count: w.count, resetMs: w.resetAt - now }
    })
  }
}

export class RedisStore implements CounterStore {
  constructor(private redis: Redis) {}

  async hit(key: string, windowMs: number): Promise<Hit> {
    return (await this.hitAll([{ key, windowMs }]))[0]
  }

  async hitAll(items: { key: string; windowMs: number }[]): Promise<Hit[]> {
    // One MULTI (one round-trip, atomic): per key, SET NX starts the window
    // once, INCR counts, PTTL says when the window ends.
    const multi = this.redis.multi()
    for (const { key, windowMs } of items) multi.set(key, 0, "PX", windowMs, "NX").incr(key).pttl(key)
    const res = await multi.exec()
    if (!res) throw new Error("rate limit transaction was aborted")
    return items.map(({ windowMs }, i) => {
      const [incrErr, count] = res[i * 3 + 1]
      const [, ttl] = res[i * 3 + 2]
      if (incrErr) throw incrErr
      return { count: Number(count), resetMs: Number(ttl) > 0 ? Number(ttl) : windowMs }
    })
  }
}

// ---- the process's store ------------------------------------------------

let sharedStore: CounterStore | undefined
let redisClient: Redis | undefined
let firstReady: Promise<void> | undefined

function store(): CounterStore {
  if (!sharedStore) {
    if (process.env.REDIS_URL) {
      // No offline queue: while Redis is unreachable a command fails at once
      // (and the request goes through) instead of waiting for a reconnect.
      redisClient = new Redis(process.env.REDIS_URL, {
        maxRetriesPerRequest: 1,
        commandTimeout: 1000,
        enableOfflineQueue: false,
      })
      redisClient.on("error", () => {}) // reported by the middleware, once per outage
      const client = redisClient
      firstReady = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 2000)
        client.once("ready", () => {
          clearTimeout(timer)
          resolve()
        })
      })
      sharedStore = new RedisStore(redisClient)
    } else {
      sharedStore = new MemoryStore()
    }
  }
  return sharedStore
}

/** Closes the Redis connection (tests). */
export async function closeRateLimitStore() {
  const client = redisClient
  sharedStore = undefined
  redisClient = undefined
  firstReady = undefined
  if (client) await client.quit().catch(() => client.disconnect())
}

let outage = false
function reportFailure(req: MedusaRequest, e: unknown) {
  if (outage) return
  outage = true
  logger(req)?.warn?.(`Rate limiter: counter store unavailable, requests are not limited until it is back (${e})`)
}
function reportSuccess(req: MedusaRequest) {
  if (!outage) return
  outage = false
  logger(req)?.info?.("Rate limiter: counter store is back")
}
const logger = (req: MedusaRequest): any => {
  try {
    return req.scope?.resolve("logger")
  } catch {
    return console
  }
}

// ---- configuration --------------------------------------------------------

export const envNumber = (name: string, fallback: number) => {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === "") return fallback
  const v = Number(raw)
  return Number.isFinite(v) ? v : fallback
}

/** A budget setting: the plugin option (rateLimit.<key>, src/options.ts), else its env var read now, else the default. */
const setting = (
  key: "windowMs" | "readMax" | "writeMax" | "hooksMax" | "authMax" | "authIdentifierMax" | "authWindowSeconds",
  name: string,
  fallback: number
) => rateLimitOption(key) ?? envNumber(name, fallback)

/** Budgets, read at request time (operators and tests tune the env vars). */
export function budgets() {
  // Whole milliseconds: Redis's PX takes integers.
  const windowMs = Math.round(setting("windowMs", "RATE_LIMIT_WINDOW_MS", 60_000))
  const authWindowMs = Math.round(setting("authWindowSeconds", "AUTH_RATE_LIMIT_WINDOW_SECONDS", 60) * 1000)
  return {
    read: { max: setting("readMax", "RATE_LIMIT_READ_MAX", 600), windowMs },
    write: { max: setting("writeMax", "RATE_LIMIT_WRITE_MAX", 120), windowMs },
    hooks: { max: setting("hooksMax", "HOOKS_RATE_LIMIT_MAX", 1200), windowMs },
    authIp: { max: setting("authMax", "AUTH_RATE_LIMIT_MAX", 20), windowMs: authWindowMs },
    authIdentifier: { max: setting("authIdentifierMax", "AUTH_IDENTIFIER_RATE_LIMIT_MAX", 10), windowMs: authWindowMs },
  }
}

let exemptCache: { raw: string | undefined; list: net.BlockList | null } | undefined
/** RATE_LIMIT_EXEMPT: addresses/CIDRs without IP budgets (e.g. a server-side storefront). */
function exemptList(req: MedusaRequest): net.BlockList | null {
  const raw = rateLimitOption("exempt") ?? process.env.RATE_LIMIT_EXEMPT
  if (exemptCache && exemptCache.raw === raw) return exemptCache.list
  let list: net.BlockList | null = null
  try {
    list = parseAddressList(raw, "RATE_LIMIT_EXEMPT")?.list ?? null
  } catch (e: any) {
    logger(req)?.error?.(`${e.message} No address is exempt until it is fixed.`)
  }
  exemptCache = { raw, list }
  return list
}

// ---- who is asking ------------------------------------------------------------

export const digest = (value: string) => crypto.createHash("sha256").update(value).digest("base64url").slice(0, 32)

/**
 * The budget key of a request's credential, or undefined when it has no
 * genuine one. Forged or expired tokens are not keys (they would give an
 * attacker a fresh budget per made-up token): the request counts per IP.
 */
export function credentialKey(req: MedusaRequest): string | undefined {
  // express-session's id and Medusa's auth context (set for admin and store routes) are not on MedusaRequest's type.
  const r: MedusaRequest & { sessionID?: string; auth_context?: unknown } = req
  // A session that carries a login (express-session has already looked it up).
  if (r.session?.auth_context && r.sessionID) return `s:${digest(String(r.sessionID))}`
  const header = req.headers.authorization
  if (typeof header !== "string") return undefined
  const m = /^(\S+)\s+(\S+)$/.exec(header.trim())
  if (!m) return undefined
  const scheme = m[1].toLowerCase()
  // Medusa's own authentication (admin: bearer, session, secret API key;
  // store: bearer, session) runs before project middlewares.
  if (r.auth_context && (scheme === "bearer" || scheme === "basic")) return `${scheme === "basic" ? "k" : "t"}:${digest(m[2])}`
  if (scheme !== "bearer") return undefined
  let http: any
  try {
    http = req.scope.resolve("configModule").projectConfig.http
  } catch {
    return undefined
  }
  const verified = getAuthContextFromJwtToken(
    header,
    http.jwtSecret,
    ["bearer"],
    ["*"],
    http.jwtPublicKey,
    http.jwtVerifyOptions ?? http.jwtOptions
  )
  return verified ? `t:${digest(m[2])}` : undefined
}

type Bucket = { name: string; label: string; key: string; max: number; windowMs: number }

// The operations routes count as reads too: /docs, /metrics (a scraper every
// 15 s is far inside the budget) and /health/ready (Medusa's /health stays free).
const API_PREFIXES = ["/store", "/admin", "/vendor", "/docs", "/metrics", "/health/ready"]
const under = (path: string, prefix: string) => path === prefix || path.startsWith(prefix + "/")

/** The budgets a request counts against (none for paths that are not limited). */
export function bucketsFor(req: MedusaRequest): Bucket[] {
  const method = req.method.toUpperCase()
  if (method === "OPTIONS") return []
  const path = (req.originalUrl ?? req.url).split("?")[0]
  const b = budgets()
  const ip = clientIp(req)
  const ipKey = `ip:${ipBudgetKey(ip)}`
  const exempt = exemptList(req)?.check(ip, net.isIP(ip) === 6 ? "ipv6" : "ipv4") ?? false
  const out: Bucket[] = []

  if (under(path, "/auth")) {
    if (!exempt) out.push({ name: "auth", label: "sign-in requests from this address", key: ipKey, ...b.authIp })
    // Any JSON; only a string email or identifier counts.
    const body = req.body
    const fields: { email?: unknown; identifier?: unknown } | undefined =
      method === "POST" && body && typeof body === "object" ? body : undefined
    const identifier = fields ? (fields.email ?? fields.identifier) : undefined
    if (typeof identifier === "string" && identifier.trim()) {
      out.push({
        name: "auth-id",
        label: "sign-in requests for this account",
        key: `id:${digest(identifier.trim().toLowerCase())}`,
        ...b.authIdentifier,
      })
    }
  } else if (under(path, "/hooks")) {
    if (!exempt) out.push({ name: "hooks", label: "webhook requests from this address", key: ipKey, ...b.hooks })
  } else if (API_PREFIXES.some((p) => under(path, p))) {
    const write = !(method === "GET" || method === "HEAD")
    const cred = credentialKey(req)
    if (cred || !exempt) {
      const budget = write ? b.write : b.read
      out.push({
        name: write ? "write" : "read",
        label: `${write ? "write" : "read"} requests from this ${cred ? "token" : "address"}`,
        key: cred ?? ipKey,
        ...budget,
      })
    }
  }
  return out.filter((x) => x.max > 0 && x.windowMs > 0)
}

export async function apiRateLimit(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const buckets = bucketsFor(req)
  if (!buckets.length) return next()
  // REDIS_KEY_PREFIX keeps deployments (or test runs) sharing one Redis apart.
  const prefix = `${process.env.REDIS_KEY_PREFIX || "lilium"}:rl`
  let hits: Hit[]
  try {
    const s = store()
    if (firstReady) await firstReady
    hits = await s.hitAll(buckets.map((x) => ({ key: `${prefix}:${x.name}:${x.key}`, windowMs: x.windowMs })))
    reportSuccess(req)
  } catch (e) {
    reportFailure(req, e)
    return next()
  }

  // Headers for the budget closest to its end; 429 when any is used up.
  let tightest = 0
  let refused = -1
  buckets.forEach((x, i) => {
    if (x.max - hits[i].count < buckets[tightest].max - hits[tightest].count) tightest = i
    if (hits[i].count > x.max && (refused < 0 || hits[i].resetMs > hits[refused].resetMs)) refused = i
  })
  const shown = refused >= 0 ? refused : tightest
  const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000))
  res.setHeader("RateLimit-Limit", String(buckets[shown].max))
  res.setHeader("RateLimit-Remaining", String(Math.max(0, buckets[shown].max - hits[shown].count)))
  res.setHeader("RateLimit-Reset", String(seconds(hits[shown].resetMs)))
  if (refused < 0) return next()

  const x = buckets[refused]
  const retryAfter = seconds(hits[refused].resetMs)
  res.setHeader("Retry-After", String(retryAfter))
  res.status(429).json({
    type: "too_many_requests",
    message: `Too many requests: the limit of ${x.max} ${x.label} per ${seconds(x.windowMs)} seconds is used up. Try again in ${retryAfter} seconds.`,
  })
}
