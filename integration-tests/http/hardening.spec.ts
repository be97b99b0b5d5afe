import zlib from "node:zlib"
import { liliumIntegrationTestRunner } from "../helpers/runner"
import { noThrow } from "../helpers/poll"

const LIMIT = 5

liliumIntegrationTestRunner({
  withCatalog: false,
  env: { AUTH_RATE_LIMIT_MAX: String(LIMIT), AUTH_RATE_LIMIT_WINDOW_SECONDS: "60" },
  testSuite: ({ api, storeHeaders, getContainer }) => {
    describe("security headers", () => {
      it("are set on API responses", async () => {
        const res = await api.get("/store/regions", storeHeaders())
        expect(res.status).toBe(200)
        expect(res.headers["x-content-type-options"]).toBe("nosniff")
        expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN")
        expect(res.headers["referrer-policy"]).toBe("no-referrer")
        expect(res.headers["cross-origin-opener-policy"]).toBe("same-origin")
        expect(res.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'")
        expect(res.headers["x-powered-by"]).toBeUndefined()
        expect(res.headers["strict-transport-security"]).toBeUndefined()
      })

      it("are set on error responses too", async () => {
        const res = await api.get("/store/products", noThrow)
        expect(res.status).toBe(400)
        expect(res.headers["x-content-type-options"]).toBe("nosniff")
      })

      it("add HSTS behind a TLS-terminating proxy", async () => {
        const res = await api.get("/store/regions", {
          headers: { ...storeHeaders().headers, "x-forwarded-proto": "https" },
        })
        expect(res.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains")
      })
    })

    describe("compression", () => {
      it("gzips responses above the threshold when the client accepts it", async () => {
        const res = await api.get("/store/regions", {
          headers: { ...storeHeaders().headers, "accept-encoding": "gzip" },
          decompress: false,
          responseType: "arraybuffer",
        })
        expect(res.headers["content-encoding"]).toBe("gzip")
        const body = JSON.parse(zlib.gunzipSync(Buffer.from(res.data)).toString("utf8"))
        expect(body.regions).toHaveLength(2)
      })
    })

    describe("JSON body limit", () => {
      it("answers 413 to a body over the limit, and writes nothing", async () => {
        const big = { metadata: { blob: "x".repeat(1.5 * 1024 * 1024) } }
        const res = await api.post("/store/carts", big, { ...storeHeaders(), ...noThrow })
        expect(res.status).toBe(413)
        expect(res.data.type).toBeDefined()
        expect(res.data.message).toMatch(/too large/i)
        const carts = await getContainer().resolve("cart").listCarts({})
        expect(carts).toHaveLength(0)
      })
    })

    describe("auth rate limit", () => {
      it(`allows ${LIMIT} attempts per window, then answers 429 with Retry-After`, async () => {
        const attempt = () => api.post("/auth/user/emailpass", { email: "nobody@example.com", password: "wrong" }, noThrow)
        const statuses: number[] = []
        for (let i = 0; i < LIMIT; i++) {
          const res = await attempt()
          statuses.push(res.status)
          expect(res.headers["ratelimit-limit"]).toBe(String(LIMIT))
          expect(res.headers["ratelimit-remaining"]).toBe(String(LIMIT - i - 1))
        }
        expect(statuses).toEqual(Array(LIMIT).fill(401))

        const limited = await attempt()
        expect(limited.status).toBe(429)
        const retryAfter = Number(limited.headers["retry-after"])
        expect(retryAfter).toBeGreaterThan(0)
        expect(retryAfter).toBeLessThanOrEqual(60)
        expect(limited.data).toEqual({
          type: "too_many_requests",
          message: expect.stringMatching(/Too many requests/),
        })

        // Other routes count against their own budgets (rate-limit.spec.ts).
        const store = await api.get("/store/regions", storeHeaders())
        expect(store.status).toBe(200)
      })
    })
  },
})
