import Redis from "ioredis"
import jwt from "jsonwebtoken"
import { apiRateLimit, bucketsFor, closeRateLimitStore, credentialKey, digest, MemoryStore, RedisStore } from "../rate-limit"

const SECRET = "unit-test-secret"
const token = (claims: Record<string, unknown> = {}, secret = SECRET) =>
  jwt.sign({ actor_id: "cus_1", actor_type: "customer", auth_identity_id: "authid_1", ...claims }, secret, {
    expiresIn: "1h",
  })

/** The parts of a Medusa request the limiter reads. */
function fakeReq(
  over: Partial<{
    method: string
    url: string
    headers: Record<string, any>
    remote: string
    body: any
    session: any
    sessionID: string
    auth_context: any
  }> = {}
): any {
  return {
    method: over.method ?? "GET",
    originalUrl: over.url ?? "/store/products",
    url: over.url ?? "/store/products",
    headers: over.headers ?? {},
    socket: { remoteAddress: over.remote ?? "203.0.113.5" },
    body: over.body,
    session: over.session,
    sessionID: over.sessionID,
    auth_context: over.auth_context,
    scope: {
      resolve: (name: string) => {
        if (name === "configModule") return { projectConfig: { http: { jwtSecret: SECRET } } }
        if (name === "logger") return { warn: () => {}, info: () => {}, error: () => {} }
        throw new Error(`unexpected ${name}`)
      },
    },
  }
}

const ENV = [
  "TRUST_PROXY",
  "RATE_LIMIT_EXEMPT",
  "RATE_LIMIT_READ_MAX",
  "RATE_LIMIT_WRITE_MAX",
  "RATE_LIMIT_WINDOW_MS",
  "AUTH_RATE_LIMIT_MAX",
  "AUTH_IDENTIFIER_RATE_LIMIT_MAX",
  "HOOKS_RATE_LIMIT_MAX",
  "REDIS_URL",
]
const saved: Record<string, string | undefined> = {}
beforeEach(() => {
  for (const k of ENV) {
    saved[k] = process.env[k]
    delete process.env[k]
  }
})
afterEach(() => {
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k]
    else process.env[k] = saved[k]
  }
})

describe("rate limit counter stores", () => {
  it("memory: counts within a window and starts over after it", async () => {
    const store = new MemoryStore()
    expect((await store.hit("k", 50)).count).toBe(1)
    expect((await store.hit("k", 50)).count).toBe(2)
    expect((await store.hit("other", 50)).count).toBe(1)
    await new Promise((r) => setTimeout(r, 60))
    const next = await store.hit("k", 50)
    expect(next.count).toBe(1)
    expect(next.resetMs).toBeGreaterThan(0)
    expect(next.resetMs).toBeLessThanOrEqual(50)
  })

  it("memory: counts several keys at once, each in its own window", async () => {
    const store = new MemoryStore()
    await store.hit("a", 1000)
    const [a, b] = await store.hitAll([
      { key: "a", windowMs: 1000 },
      { key: "b", windowMs: 5000 },
    ])
    expect(a.count).toBe(2)
    expect(b.count).toBe(1)
    expect(b.resetMs).toBeGreaterThan(1000)
  })

  // Runs in CI's Redis pass (.ci/run sets REDIS_URL).
  const withRedis = saved.REDIS_URL || process.env.REDIS_URL ? describe : describe.skip
  withRedis("redis (REDIS_URL)", () => {
    const url = process.env.REDIS_URL!
    const clients: Redis[] = []
    afterAll(async () => {
      await Promise.all(clients.map((c) => c.quit()))
    })

    it("shares one budget between two servers' connections", async () => {
      const a = new Redis(url)
      const b = new Redis(url)
      clients.push(a, b)
      const key = `lilium-test:rl:${process.pid}:${Date.now()}`
      const serverA = new RedisStore(a)
      const serverB = new RedisStore(b)
      expect((await serverA.hit(key, 10_000)).count).toBe(1)
      expect((await serverB.hit(key, 10_000)).count).toBe(2)
      const third = await serverA.hit(key, 10_000)
      expect(third.count).toBe(3)
      expect(third.resetMs).toBeGreaterThan(9_000)
      expect(third.resetMs).toBeLessThanOrEqual(10_000)
      await a.del(key)
    })

    it("counts several keys in one transaction, and concurrent servers never lose a count", async () => {
      const a = new Redis(url)
      const b = new Redis(url)
      clients.push(a, b)
      const k1 = `lilium-test:rl:${process.pid}:${Date.now()}:1`
      const k2 = `lilium-test:rl:${process.pid}:${Date.now()}:2`
      const servers = [new RedisStore(a), new RedisStore(b)]
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          servers[i % 2].hitAll([
            { key: k1, windowMs: 10_000 },
            { key: k2, windowMs: 20_000 },
          ])
        )
      )
      expect(results.map((r) => r[0].count).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
      expect(Number(await a.get(k2))).toBe(40)
      expect(await a.pttl(k2)).toBeGreaterThan(10_000)
      await a.del(k1, k2)
    })
  })
})

describe("budget key of a request", () => {
  it("is a hash of a bearer token whose signature verifies, never the token", () => {
    const t = token()
    const key = credentialKey(fakeReq({ headers: { authorization: `Bearer ${t}` } }))
    expect(key).toBe(`t:${digest(t)}`)
    expect(key).not.toContain(t.split(".")[1])
    // Two tokens are two clients.
    const other = token({ actor_id: "cus_2" })
    expect(credentialKey(fakeReq({ headers: { authorization: `Bearer ${other}` } }))).not.toBe(key)
  })

  it("is not a forged, expired or malformed token: those count per IP", () => {
    const forged = token({}, "someone-elses-secret")
    const expired = jwt.sign({ actor_id: "cus_1", exp: Math.floor(Date.now() / 1000) - 10 }, SECRET)
    for (const authorization of [`Bearer ${forged}`, `Bearer ${expired}`, "Bearer abc", "Bearer", "Token x y"]) {
      expect(credentialKey(fakeReq({ headers: { authorization } }))).toBeUndefined()
      const [bucket] = bucketsFor(fakeReq({ headers: { authorization } }))
      expect(bucket.key).toBe("ip:203.0.113.5")
    }
  })

  it("is a hash of the session id when the session carries a login", () => {
    const req = fakeReq({ session: { auth_context: { actor_id: "user_1" } }, sessionID: "sess-123" })
    expect(credentialKey(req)).toBe(`s:${digest("sess-123")}`)
    // A session without a login (or none) is no credential.
    expect(credentialKey(fakeReq({ session: {}, sessionID: "sess-123" }))).toBeUndefined()
  })

  it("is a hash of a secret API key Medusa has accepted (Basic auth on /admin)", () => {
    const req = fakeReq({
      url: "/admin/products",
      headers: { authorization: "Basic c2tfc2VjcmV0Og==" },
      auth_context: { actor_type: "api-key", actor_id: "apk_1" },
    })
    expect(credentialKey(req)).toBe(`k:${digest("c2tfc2VjcmV0Og==")}`)
    // The same header without Medusa's acceptance is no credential.
    expect(credentialKey(fakeReq({ headers: { authorization: "Basic c2tfc2VjcmV0Og==" } }))).toBeUndefined()
  })
})

describe("budgets of a request", () => {
  it("reads and writes on the API count against separate budgets", () => {
    process.env.RATE_LIMIT_READ_MAX = "50"
    process.env.RATE_LIMIT_WRITE_MAX = "5"
    const read = bucketsFor(fakeReq({ method: "GET", url: "/vendor/orders?limit=5" }))
    const head = bucketsFor(fakeReq({ method: "HEAD", url: "/admin/orders" }))
    const write = bucketsFor(fakeReq({ method: "POST", url: "/store/carts" }))
    const del = bucketsFor(fakeReq({ method: "DELETE", url: "/vendor/products/prod_1" }))
    expect(read).toEqual([expect.objectContaining({ name: "read", max: 50, windowMs: 60_000, key: "ip:203.0.113.5" })])
    expect(head[0].name).toBe("read")
    expect(write).toEqual([expect.objectContaining({ name: "write", max: 5, key: "ip:203.0.113.5" })])
    expect(del[0].name).toBe("write")
  })

  it("defaults: 600 reads and 120 writes a minute, 20 sign-ins per IP and 10 per account", () => {
    expect(bucketsFor(fakeReq())[0]).toMatchObject({ max: 600, windowMs: 60_000 })
    expect(bucketsFor(fakeReq({ method: "POST" }))[0]).toMatchObject({ max: 120, windowMs: 60_000 })
    const auth = bucketsFor(fakeReq({ method: "POST", url: "/auth/user/emailpass", body: { email: "A@x.io" } }))
    expect(auth.map((b) => [b.name, b.max])).toEqual([
      ["auth", 20],
      ["auth-id", 10],
    ])
  })

  it("sign-in counts per IP and per identifier (case-insensitive, hashed)", () => {
    const a = bucketsFor(fakeReq({ method: "POST", url: "/auth/vendor/emailpass", body: { email: " Me@Shop.example " } }))
    const b = bucketsFor(
      fakeReq({
        method: "POST",
        url: "/auth/customer/emailpass/reset-password",
        remote: "198.51.100.1",
        body: { identifier: "me@shop.example" },
      })
    )
    expect(a[1].key).toBe(`id:${digest("me@shop.example")}`)
    expect(b[1].key).toBe(a[1].key)
    expect(a[0].key).not.toBe(b[0].key)
    expect(JSON.stringify(a)).not.toContain("shop.example")
    // No identifier (session, refresh): per IP only.
    expect(bucketsFor(fakeReq({ method: "POST", url: "/auth/session" })).map((x) => x.name)).toEqual(["auth"])
  })

  it("sign-in is per IP even with a token; API requests are per token", () => {
    const authorization = `Bearer ${token()}`
    expect(bucketsFor(fakeReq({ method: "POST", url: "/auth/token/refresh", headers: { authorization } }))[0].key).toBe("ip:203.0.113.5")
    expect(bucketsFor(fakeReq({ url: "/store/customers/me", headers: { authorization } }))[0].key).toMatch(/^t:/)
  })

  it("webhooks have their own budget per IP; health, admin assets and preflights none", () => {
    expect(bucketsFor(fakeReq({ method: "POST", url: "/hooks/payouts/stripe" }))).toEqual([
      expect.objectContaining({ name: "hooks", max: 1200 }),
    ])
    expect(bucketsFor(fakeReq({ url: "/health" }))).toEqual([])
    expect(bucketsFor(fakeReq({ url: "/app/orders" }))).toEqual([])
    expect(bucketsFor(fakeReq({ url: "/static/x.png" }))).toEqual([])
    expect(bucketsFor(fakeReq({ url: "/storefront" }))).toEqual([])
    expect(bucketsFor(fakeReq({ method: "OPTIONS", url: "/store/carts" }))).toEqual([])
  })

  it("a budget of 0 switches it off", () => {
    process.env.RATE_LIMIT_READ_MAX = "0"
    expect(bucketsFor(fakeReq())).toEqual([])
    expect(bucketsFor(fakeReq({ method: "POST" }))).toHaveLength(1)
  })

  it("a spoofed X-Forwarded-For does not change the key unless TRUST_PROXY says so", () => {
    const req = (xff: string) => fakeReq({ remote: "::ffff:203.0.113.5", headers: { "x-forwarded-for": xff } })
    expect(bucketsFor(req("1.1.1.1"))[0].key).toBe("ip:203.0.113.5")
    expect(bucketsFor(req("2.2.2.2"))[0].key).toBe("ip:203.0.113.5")
    process.env.TRUST_PROXY = "1"
    expect(bucketsFor(req("1.1.1.1"))[0].key).toBe("ip:1.1.1.1")
    // An invalid setting trusts nothing.
    process.env.TRUST_PROXY = "true"
    expect(bucketsFor(req("1.1.1.1"))[0].key).toBe("ip:203.0.113.5")
    process.env.TRUST_PROXY = "198.51.100.0/24"
    expect(bucketsFor(req("1.1.1.1"))[0].key).toBe("ip:203.0.113.5")
  })

  it("RATE_LIMIT_EXEMPT lifts IP budgets, not token or account budgets", () => {
    process.env.RATE_LIMIT_EXEMPT = "203.0.113.0/24"
    expect(bucketsFor(fakeReq())).toEqual([])
    expect(bucketsFor(fakeReq({ headers: { authorization: `Bearer ${token()}` } }))[0].key).toMatch(/^t:/)
    expect(bucketsFor(fakeReq({ method: "POST", url: "/auth/user/emailpass", body: { email: "a@b.c" } })).map((b) => b.name)).toEqual([
      "auth-id",
    ])
    expect(bucketsFor(fakeReq({ remote: "198.51.100.1" }))).toHaveLength(1)
  })
})

describe("the middleware (in-memory store)", () => {
  const run = async (req: any) => {
    const headers: Record<string, string> = {}
    let status = 200
    let body: any
    let passed = false
    const res: any = {
      setHeader: (k: string, v: string) => (headers[k.toLowerCase()] = v),
      status: (s: number) => ((status = s), res),
      json: (b: any) => ((body = b), res),
    }
    await apiRateLimit(req, res, () => void (passed = true))
    return { status: passed ? 200 : status, headers, body, passed }
  }

  afterEach(() => closeRateLimitStore())

  it("answers 429 with Retry-After and a message naming the budget once it is used up", async () => {
    process.env.RATE_LIMIT_WRITE_MAX = "2"
    process.env.RATE_LIMIT_WINDOW_MS = "30000"
    const req = () => fakeReq({ method: "POST", url: "/store/carts", remote: "192.0.2.200" })
    const first = await run(req())
    expect(first.passed).toBe(true)
    expect(first.headers).toMatchObject({ "ratelimit-limit": "2", "ratelimit-remaining": "1" })
    expect((await run(req())).passed).toBe(true)
    const refused = await run(req())
    expect(refused.status).toBe(429)
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0)
    expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(30)
    expect(refused.body).toEqual({
      type: "too_many_requests",
      message: expect.stringMatching(
        /^Too many requests: the limit of 2 write requests from this address per 30 seconds is used up\. Try again in \d+ seconds\.$/
      ),
    })
    // Reads from the same address still pass.
    expect((await run(fakeReq({ remote: "192.0.2.200" }))).passed).toBe(true)
  })

  it("lets requests through when Redis is unreachable, and logs that once", async () => {
    await closeRateLimitStore()
    process.env.REDIS_URL = "redis://127.0.0.1:1" // nothing listens there
    process.env.RATE_LIMIT_WRITE_MAX = "1"
    const warnings: string[] = []
    const req = () => {
      const r = fakeReq({ method: "POST", url: "/store/carts", remote: "192.0.2.201" })
      const resolve = r.scope.resolve
      r.scope.resolve = (name: string) => (name === "logger" ? { warn: (m: string) => warnings.push(m), info: () => {} } : resolve(name))
      return r
    }
    for (let i = 0; i < 3; i++) {
      const res = await run(req())
      expect(res.passed).toBe(true)
      expect(res.headers["ratelimit-limit"]).toBeUndefined()
    }
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/^Rate limiter: counter store unavailable, requests are not limited until it is back/)
  }, 15_000)
})
