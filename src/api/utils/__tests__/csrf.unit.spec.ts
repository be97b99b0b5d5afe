import { csrfGuard, csrfProblem, hasSessionCookie, type CsrfInput } from "../csrf"

const cors = {
  adminCors: "https://admin.shop.example,http://localhost:5173",
  storeCors: "https://shop.example",
  authCors: "https://admin.shop.example,https://shop.example,/\\.preview\\.shop\\.example$/",
}
const cookie = "connect.sid=s%3Aabc.def; theme=dark"
const base = (over: Partial<CsrfInput> & { headers?: Record<string, string> } = {}): CsrfInput => ({
  method: "POST",
  path: "/admin/vendors/v_1/suspend",
  cors,
  ...over,
  headers: { host: "api.shop.example", cookie, ...(over.headers ?? {}) },
})

describe("csrfProblem", () => {
  it.each([
    ["application/x-www-form-urlencoded", "reason=x"],
    ["text/plain", '{"reason":"x"}'],
    ["text/plain;charset=UTF-8", "{}"],
    ["application/xml", "<x/>"],
  ])("refuses a cookie-authenticated %s body (what a form or no-cors fetch sends)", (type) => {
    for (const from of [{ origin: "https://evil.example" }, { referer: "https://evil.example/a.html" }, {}] as Record<string, string>[]) {
      expect(csrfProblem(base({ headers: { "content-type": type, "content-length": "8", ...from } }))).not.toBeNull()
    }
    // Even from the admin's own origin: the admin only ever sends JSON.
    expect(csrfProblem(base({ headers: { "content-type": type, origin: "https://admin.shop.example" } }))).toMatch(/content type/)
  })

  it("refuses a form POST with an empty body", () => {
    expect(csrfProblem(base({ headers: { "content-type": "application/x-www-form-urlencoded", "content-length": "0" } }))).toMatch(
      /content type application\/x-www-form-urlencoded/
    )
  })

  it("refuses JSON from an origin outside the namespace's CORS list, Origin: null, and a foreign Referer", () => {
    const json = { "content-type": "application/json" }
    expect(csrfProblem(base({ headers: { ...json, origin: "https://evil.example" } }))).toMatch(
      /Origin https:\/\/evil\.example is not allowed/
    )
    expect(csrfProblem(base({ headers: { ...json, origin: "null" } }))).toMatch(/Origin: null/)
    expect(csrfProblem(base({ headers: { ...json, referer: "https://evil.example/x" } }))).toMatch(/Referer https:\/\/evil\.example/)
    // The storefront's origin is not an admin origin.
    expect(csrfProblem(base({ headers: { ...json, origin: "https://shop.example" } }))).toMatch(/not allowed/)
    // A sibling subdomain is same-site (SameSite=Lax sends the cookie) but not same-origin.
    expect(csrfProblem(base({ headers: { ...json, origin: "https://evil.shop.example" } }))).toMatch(/not allowed/)
  })

  it("lets JSON through from the CORS list, the backend's own host, or a client that sends no Origin", () => {
    const json = { "content-type": "application/json; charset=utf-8" }
    expect(csrfProblem(base({ headers: { ...json, origin: "https://admin.shop.example" } }))).toBeNull()
    expect(csrfProblem(base({ headers: { ...json, origin: "https://admin.shop.example/" } }))).toBeNull()
    expect(csrfProblem(base({ headers: { ...json, origin: "http://localhost:5173" } }))).toBeNull()
    expect(csrfProblem(base({ headers: { ...json, origin: "https://api.shop.example" } }))).toBeNull() // admin at /app
    expect(csrfProblem(base({ headers: { ...json, referer: "https://admin.shop.example/app/vendors" } }))).toBeNull()
    expect(csrfProblem(base({ headers: json }))).toBeNull()
    expect(csrfProblem(base({ headers: { "content-type": "application/merge-patch+json" } }))).toBeNull()
  })

  it("behind a proxy, the forwarded host is the backend's own host", () => {
    expect(
      csrfProblem(
        base({
          headers: {
            "content-type": "application/json",
            origin: "https://admin.example.org",
            host: "10.0.0.5:9000",
            "x-forwarded-host": "admin.example.org",
          },
        })
      )
    ).toBeNull()
  })

  it("uploads (multipart) need an allowed Origin or Referer", () => {
    const multipart = { "content-type": "multipart/form-data; boundary=x" }
    expect(csrfProblem(base({ path: "/admin/uploads", headers: { ...multipart, origin: "https://admin.shop.example" } }))).toBeNull()
    expect(csrfProblem(base({ path: "/admin/uploads", headers: multipart }))).toMatch(/multipart\/form-data without an allowed Origin/)
    expect(csrfProblem(base({ path: "/admin/uploads", headers: { ...multipart, origin: "https://evil.example" } }))).toMatch(/not allowed/)
  })

  it("a request without a content type passes only without a body", () => {
    expect(csrfProblem(base({ headers: {} }))).toBeNull()
    expect(csrfProblem(base({ headers: { "content-length": "0" } }))).toBeNull()
    expect(csrfProblem(base({ headers: { "content-length": "12" } }))).toMatch(/without a content type/)
    expect(csrfProblem(base({ headers: { "transfer-encoding": "chunked" } }))).toMatch(/without a content type/)
  })

  it("uses each namespace's own CORS list, regular expressions included", () => {
    const form = { "content-type": "application/json", origin: "https://shop.example" }
    expect(csrfProblem(base({ path: "/store/carts", headers: form }))).toBeNull()
    expect(csrfProblem(base({ path: "/admin/orders", headers: form }))).toMatch(/not allowed/)
    expect(
      csrfProblem(base({ path: "/auth/session", method: "DELETE", headers: { ...form, origin: "https://pr-1.preview.shop.example" } }))
    ).toBeNull()
    expect(csrfProblem(base({ path: "/auth/token/refresh", headers: { ...form, origin: "https://evil.example" } }))).toMatch(/not allowed/)
  })

  it("leaves alone what a page cannot forge with the cookie: safe methods, bearer and API-key requests, no cookie, other paths", () => {
    const form = { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" }
    for (const method of ["GET", "HEAD", "OPTIONS"]) expect(csrfProblem(base({ method, headers: form }))).toBeNull()
    expect(csrfProblem(base({ headers: { ...form, authorization: "Bearer eyJ" } }))).toBeNull()
    expect(csrfProblem(base({ headers: { ...form, authorization: "Basic c2tfMTIz" } }))).toBeNull()
    expect(csrfProblem({ ...base({ headers: form }), headers: { ...form, host: "api.shop.example" } })).toBeNull()
    expect(csrfProblem(base({ path: "/vendor/products", headers: form }))).toBeNull()
    expect(csrfProblem(base({ path: "/hooks/payouts/stripe", headers: form }))).toBeNull()
    expect(csrfProblem(base({ path: "/administrator", headers: form }))).toBeNull()
  })
})

describe("hasSessionCookie", () => {
  it("finds the session cookie by its configured name only", () => {
    expect(hasSessionCookie({ cookie: "a=1; connect.sid=xyz" })).toBe(true)
    expect(hasSessionCookie({ cookie: "xconnect.sid=xyz" })).toBe(false)
    expect(hasSessionCookie({ cookie: "lilium.sid=xyz" }, "lilium.sid")).toBe(true)
    expect(hasSessionCookie({})).toBe(false)
  })
})

describe("csrfGuard", () => {
  const run = (req: any) => {
    const res: any = { statusCode: 200, body: undefined }
    res.status = (s: number) => ((res.statusCode = s), res)
    res.json = (b: unknown) => ((res.body = b), res)
    const next = jest.fn()
    const scope = { resolve: () => ({ projectConfig: { http: cors, sessionOptions: {} } }) }
    csrfGuard({ scope, ...req } as any, res, next)
    return { res, next }
  }

  it("answers 403 with a message before the route runs", () => {
    const { res, next } = run({
      method: "POST",
      originalUrl: "/admin/payout-runs?x=1",
      headers: { host: "api.shop.example", cookie, "content-type": "text/plain", origin: "https://evil.example" },
    })
    expect(next).not.toHaveBeenCalled()
    expect(res.statusCode).toBe(403)
    expect(res.body).toEqual({
      type: "not_allowed",
      message: expect.stringMatching(/^Cross-site request refused \(Origin https:\/\/evil\.example is not allowed\)/),
    })
  })

  it("calls next for the admin's own JSON request", () => {
    const { res, next } = run({
      method: "POST",
      originalUrl: "/admin/payout-runs",
      headers: { host: "api.shop.example", cookie, "content-type": "application/json", origin: "https://admin.shop.example" },
    })
    expect(next).toHaveBeenCalledTimes(1)
    expect(res.body).toBeUndefined()
  })
})
