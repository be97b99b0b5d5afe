import http from "node:http"
import { liliumIntegrationTestRunner } from "../helpers/runner"
import { demoVendorLogin } from "../helpers/vendor"

jest.setTimeout(60_000)

const PANEL = "https://vendors.example.com"
const PREVIEW = "https://panel-preview.example.org"
const OTHER = "https://elsewhere.example.net"
// Medusa's STORE_CORS syntax: comma-separated origins and /regex/ entries.
const VENDOR_CORS = `${PANEL},/^https:\\/\\/panel-[a-z]+\\.example\\.org$/`
// What the js-sdk sends with a vendor call.
const SDK_HEADERS = "authorization,content-type,x-publishable-api-key"

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: string }

/** One request as a browser on `origin` would send it (axios cannot send OPTIONS or set Origin freely). */
function raw(base: string, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Raw> {
  const { hostname, port } = new URL(base)
  const data = body === undefined ? undefined : JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const req = http.request(
      { hostname, port, path, method, headers: { ...headers, ...(data ? { "content-type": "application/json" } : {}) } },
      (res) => {
        let text = ""
        res.on("data", (c) => (text += c))
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
      }
    )
    req.on("error", reject)
    if (data) req.write(data)
    req.end()
  })
}
const preflight = (base: string, path: string, origin: string, method = "GET") =>
  raw(base, "OPTIONS", path, {
    origin,
    "access-control-request-method": method,
    "access-control-request-headers": SDK_HEADERS,
  })

liliumIntegrationTestRunner({
  env: { VENDOR_CORS },
  testSuite: ({ api, catalog }) => {
    const login = demoVendorLogin(api, catalog)
    const base = () => (api as any).defaults.baseURL as string

    describe("VENDOR_CORS", () => {
      it("a page on an allowed origin gets through the preflight and reads GET /vendor/me; another origin does not", async () => {
        const { headers } = await login("lumen-office-lighting")

        for (const origin of [PANEL, PREVIEW]) {
          const pre = await preflight(base(), "/vendor/me", origin)
          expect(pre.status).toBe(204)
          expect(pre.headers["access-control-allow-origin"]).toBe(origin)
          expect(pre.headers["access-control-allow-methods"]).toContain("POST")
          expect(String(pre.headers["access-control-allow-headers"]).split(",")).toEqual(SDK_HEADERS.split(","))
          expect(pre.headers["vary"]).toContain("Origin")
          // Bearer tokens only: no cookies, so no credentials.
          expect(pre.headers["access-control-allow-credentials"]).toBeUndefined()

          const me = await raw(base(), "GET", "/vendor/me", { origin, authorization: headers.authorization })
          expect(me.status).toBe(200)
          expect(JSON.parse(me.body).vendor.handle).toBe("lumen-office-lighting")
          expect(me.headers["access-control-allow-origin"]).toBe(origin)
          expect(me.headers["access-control-expose-headers"]).toContain("Content-Disposition")
        }

        // A write's preflight too (the panel posts JSON).
        const write = await preflight(base(), "/vendor/orders/vo_123/accept", PANEL, "POST")
        expect(write.status).toBe(204)
        expect(write.headers["access-control-allow-origin"]).toBe(PANEL)

        // Another origin: the preflight is answered without the header (the browser refuses), and so is the call.
        const pre = await preflight(base(), "/vendor/me", OTHER)
        expect(pre.status).toBe(204)
        expect(pre.headers["access-control-allow-origin"]).toBeUndefined()
        expect(pre.headers["access-control-allow-headers"]).toBeUndefined()
        const me = await raw(base(), "GET", "/vendor/me", { origin: OTHER, authorization: headers.authorization })
        expect(me.headers["access-control-allow-origin"]).toBeUndefined()
        // A regex is matched as a whole: a longer host is not the preview origin.
        const near = await preflight(base(), "/vendor/me", "https://panel-preview.example.org.evil.net")
        expect(near.headers["access-control-allow-origin"]).toBeUndefined()
      })

      it("errors are readable on an allowed origin (401 without a token), and the vendor's sign-in routes answer it", async () => {
        const denied = await raw(base(), "GET", "/vendor/me", { origin: PANEL })
        expect(denied.status).toBe(401)
        expect(denied.headers["access-control-allow-origin"]).toBe(PANEL)

        // Sign-in: Medusa's /auth CORS handler, with the vendor panel's origins added for the vendor actor.
        const pre = await preflight(base(), "/auth/vendor/emailpass", PANEL, "POST")
        expect(pre.status).toBe(204)
        expect(pre.headers["access-control-allow-origin"]).toBe(PANEL)
        const email = catalog().vendors.find((v) => v.handle === "lumen-office-lighting")!.email
        const signIn = await raw(base(), "POST", "/auth/vendor/emailpass", { origin: PANEL }, { email, password: "lilium-vendor" })
        expect(signIn.status).toBe(200)
        expect(signIn.headers["access-control-allow-origin"]).toBe(PANEL)
        expect(JSON.parse(signIn.body).token).toBeTruthy()
        const other = await raw(base(), "POST", "/auth/vendor/emailpass", { origin: OTHER }, { email, password: "lilium-vendor" })
        expect(other.headers["access-control-allow-origin"]).toBeUndefined()
      })

      it("the vendor panel's origin cannot read the operator's or a customer's sign-in, and AUTH_CORS origins still can", async () => {
        for (const actor of ["user", "customer"]) {
          const res = await raw(
            base(),
            "POST",
            `/auth/${actor}/emailpass`,
            { origin: PANEL },
            { email: "x@example.com", password: "wrong-password-1" }
          )
          expect({ actor, acao: res.headers["access-control-allow-origin"] }).toEqual({ actor, acao: undefined })
        }
        // AUTH_CORS (the default list in tests) is unchanged for its own origins.
        const admin = await raw(
          base(),
          "POST",
          "/auth/user/emailpass",
          { origin: "http://localhost:9000" },
          { email: "x@example.com", password: "wrong-password-1" }
        )
        expect(admin.headers["access-control-allow-origin"]).toBe("http://localhost:9000")
        // STORE_CORS and ADMIN_CORS are not widened by VENDOR_CORS.
        const store = await preflight(base(), "/store/products", PANEL)
        expect(store.headers["access-control-allow-origin"]).toBeUndefined()
        const adminApi = await preflight(base(), "/admin/orders", PANEL)
        expect(adminApi.headers["access-control-allow-origin"]).toBeUndefined()
      })
    })
  },
})
