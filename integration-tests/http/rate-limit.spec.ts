import Redis from "ioredis"
import jwt from "jsonwebtoken"
import { ADMIN_EMAIL, ADMIN_PASSWORD, liliumIntegrationTestRunner } from "../helpers/runner"
import { digest, RedisStore } from "../../src/api/utils/rate-limit"
import { noThrow } from "../helpers/poll"

// Small budgets, so that each test uses one up. Counters are not reset by
// the runner's database restore, so every test uses its own clients
// (addresses through X-Forwarded-For with TRUST_PROXY=loopback, or tokens).
const READS = 6
const WRITES = 3
const AUTH_PER_ACCOUNT = 4 // the admin signs in 3 times in this file
const HOOKS = 2
// Long windows, so that a slow (shared) machine cannot start a new one mid-test.
const WINDOW_S = 600

jest.setTimeout(300_000)

liliumIntegrationTestRunner({
  withCatalog: false,
  env: {
    RATE_LIMIT_READ_MAX: String(READS),
    RATE_LIMIT_WRITE_MAX: String(WRITES),
    RATE_LIMIT_WINDOW_MS: String(WINDOW_S * 1000),
    AUTH_RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_S),
    AUTH_RATE_LIMIT_MAX: "20",
    AUTH_IDENTIFIER_RATE_LIMIT_MAX: String(AUTH_PER_ACCOUNT),
    HOOKS_RATE_LIMIT_MAX: String(HOOKS),
    // The default: no proxy is trusted.
    TRUST_PROXY: "",
  },
  testSuite: ({ api, storeHeaders, basics, adminHeaders }) => {
    /** Requests as if they came through a proxy on this machine, from `ip`. */
    const from = (ip: string, headers: Record<string, string> = {}) => ({
      ...noThrow,
      headers: { ...storeHeaders().headers, "x-forwarded-for": ip, ...headers },
    })
    const trusting = async <T>(value: string, fn: () => Promise<T>): Promise<T> => {
      const before = process.env.TRUST_PROXY
      process.env.TRUST_PROXY = value
      try {
        return await fn()
      } finally {
        process.env.TRUST_PROXY = before
      }
    }
    const expect429 = (res: any, budget: RegExp) => {
      expect(res.status).toBe(429)
      const retryAfter = Number(res.headers["retry-after"])
      expect(retryAfter).toBeGreaterThan(0)
      expect(retryAfter).toBeLessThanOrEqual(WINDOW_S)
      expect(res.headers["ratelimit-remaining"]).toBe("0")
      expect(res.data).toEqual({ type: "too_many_requests", message: expect.stringMatching(budget) })
      expect(res.data.message).toMatch(new RegExp(`Try again in ${retryAfter} seconds\\.$`))
    }
    const register = async (email: string) => {
      const res = await api.post("/auth/customer/emailpass/register", { email, password: "secret-123" })
      return res.data.token as string
    }

    it("reads and writes have separate budgets per client, and a used-up budget answers 429 with Retry-After", async () => {
      await trusting("loopback", async () => {
        const client = from("198.51.100.10")
        for (let i = 0; i < READS; i++) {
          const res = await api.get("/store/regions", client)
          expect(res.status).toBe(200)
          expect(res.headers["ratelimit-limit"]).toBe(String(READS))
          expect(res.headers["ratelimit-remaining"]).toBe(String(READS - i - 1))
        }
        expect429(await api.get("/store/regions", client), /the limit of 6 read requests from this address per 600 seconds is used up/)

        // Writes have their own budget, untouched by the reads.
        for (let i = 0; i < WRITES; i++) {
          const res = await api.post("/store/carts", { region_id: basics().regions[0].id }, client)
          expect(res.status).toBe(200)
          expect(res.headers["ratelimit-remaining"]).toBe(String(WRITES - i - 1))
        }
        expect429(
          await api.post("/store/carts", { region_id: basics().regions[0].id }, client),
          /the limit of 3 write requests from this address per 600 seconds/
        )
        expect429(await api.get("/store/regions", client), /read requests/)

        // Another address has its own budgets.
        expect((await api.get("/store/regions", from("198.51.100.11"))).status).toBe(200)
      })
    })

    it("every API surface counts: admin, vendor (before its authentication) and store", async () => {
      await trusting("loopback", async () => {
        // /vendor without a token: 401 from the vendor middleware, until the address's budget is used up.
        const anon = from("198.51.100.20")
        for (let i = 0; i < READS; i++) expect((await api.get("/vendor/me", anon)).status).toBe(401)
        expect429(await api.get("/vendor/me", anon), /read requests from this address/)
      })
      // /admin with the admin's token: per token.
      const admin = await adminHeaders()
      for (let i = 0; i < READS; i++) {
        expect((await api.get("/admin/vendors", { ...admin, ...noThrow })).status).toBe(200)
      }
      expect429(await api.get("/admin/vendors", { ...admin, ...noThrow }), /read requests from this token/)
    })

    it("a spoofed X-Forwarded-For does not buy a new budget while no proxy is trusted", async () => {
      // Neither do made-up tokens: a bearer token counts as a client only if its signature verifies.
      const forged = (i: number) => jwt.sign({ actor_id: `cus_${i}`, actor_type: "customer", auth_identity_id: `x${i}` }, "not-the-secret")
      for (let i = 0; i < READS; i++) {
        const res = await api.get("/store/regions", from(`203.0.113.${i + 1}`, { authorization: `Bearer ${forged(i)}` }))
        expect(res.status).toBe(200)
      }
      expect429(
        await api.get("/store/regions", from("203.0.113.77", { authorization: `Bearer ${forged(77)}` })),
        /read requests from this address/
      )
      expect429(await api.get("/store/regions", from("192.0.2.1")), /read requests from this address/)

      // The same header through a trusted proxy (TRUST_PROXY=loopback) is a new client.
      await trusting("loopback", async () => {
        expect((await api.get("/store/regions", from("203.0.113.77"))).status).toBe(200)
      })
      await trusting("1", async () => {
        expect((await api.get("/store/regions", from("203.0.113.78"))).status).toBe(200)
      })

      // /health is never limited.
      for (let i = 0; i < READS + 2; i++) expect((await api.get("/health", noThrow)).status).toBe(200)
    })

    it("two tokens from one address have separate budgets (this machine's address is used up by now)", async () => {
      const a = await register("rate-a@lilium.test")
      const b = await register("rate-b@lilium.test")
      const withToken = (t: string) => ({
        ...storeHeaders(),
        ...noThrow,
        headers: { ...storeHeaders().headers, authorization: `Bearer ${t}` },
      })
      for (let i = 0; i < READS; i++) {
        const res = await api.get("/store/regions", withToken(a))
        expect(res.status).toBe(200)
        expect(res.headers["ratelimit-remaining"]).toBe(String(READS - i - 1))
      }
      expect429(await api.get("/store/regions", withToken(a)), /read requests from this token/)
      for (let i = 0; i < READS; i++) expect((await api.get("/store/regions", withToken(b))).status).toBe(200)
      expect429(await api.get("/store/regions", withToken(b)), /read requests from this token/)
    })

    it("admin sessions (the dashboard's cookie) each have their own budget", async () => {
      const session = async () => {
        const login = await api.post("/auth/user/emailpass", { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })
        const res = await api.post("/auth/session", {}, { headers: { authorization: `Bearer ${login.data.token}` } })
        const cookie = String(res.headers["set-cookie"]?.[0] ?? "").split(";")[0]
        expect(cookie).toMatch(/^connect\.sid=/)
        return { ...noThrow, headers: { cookie } }
      }
      const first = await session()
      const second = await session()
      for (let i = 0; i < READS; i++) {
        const res = await api.get("/admin/vendors", first)
        expect(res.status).toBe(200)
        expect(res.headers["ratelimit-remaining"]).toBe(String(READS - i - 1))
      }
      expect429(await api.get("/admin/vendors", first), /read requests from this token/)
      const other = await api.get("/admin/vendors", second)
      expect(other.status).toBe(200)
      expect(other.headers["ratelimit-remaining"]).toBe(String(READS - 1))
    })

    it("sign-in: one account can be tried only so often, from however many addresses", async () => {
      await trusting("loopback", async () => {
        const attempt = (email: string, ip: string) => api.post("/auth/customer/emailpass", { email, password: "wrong" }, from(ip))
        for (let i = 0; i < AUTH_PER_ACCOUNT; i++) {
          expect((await attempt("Victim@Lilium.test", `192.0.2.${10 + i}`)).status).toBe(401)
        }
        expect429(await attempt("victim@lilium.test", "192.0.2.50"), /sign-in requests for this account/)
        // Another account from the same address is not affected.
        expect((await attempt("someone-else@lilium.test", "192.0.2.50")).status).toBe(401)
      })
    })

    it("webhooks have their own budget per address", async () => {
      await trusting("loopback", async () => {
        const hook = () => api.post("/hooks/payouts/stripe", {}, from("192.0.2.200"))
        for (let i = 0; i < HOOKS; i++) expect((await hook()).status).not.toBe(429)
        expect429(await hook(), /webhook requests from this address/)
        // Store reads from that address are a different budget.
        expect((await api.get("/store/regions", from("192.0.2.200"))).status).toBe(200)
      })
    })

    // CI's Redis pass (.ci/run) runs this file with REDIS_URL.
    const withRedis = process.env.REDIS_URL ? it : it.skip
    withRedis("with REDIS_URL, the counter is shared with other servers", async () => {
      const token = await register("rate-redis@lilium.test")
      const headers = { ...noThrow, headers: { ...storeHeaders().headers, authorization: `Bearer ${token}` } }
      // "Server B": another process's store on its own connection, hitting
      // the key this server derives for the token (never the token itself).
      const other = new Redis(process.env.REDIS_URL!)
      try {
        const serverB = new RedisStore(other)
        const key = `${process.env.REDIS_KEY_PREFIX}:rl:read:t:${digest(token)}`
        for (let i = 0; i < READS - 2; i++) await serverB.hit(key, WINDOW_S * 1000)

        const first = await api.get("/store/regions", headers)
        expect(first.status).toBe(200)
        expect(first.headers["ratelimit-remaining"]).toBe("1")
        expect((await api.get("/store/regions", headers)).headers["ratelimit-remaining"]).toBe("0")
        expect429(await api.get("/store/regions", headers), /read requests from this token/)
        // And server B sees this server's requests.
        expect((await serverB.hit(key, WINDOW_S * 1000)).count).toBe(READS + 2)
        expect(await other.get(key)).toBe(String(READS + 2))
        expect((await other.keys(`${process.env.REDIS_KEY_PREFIX}:rl:*${token}*`)).length).toBe(0)
      } finally {
        await other.quit()
      }
    })
  },
})
