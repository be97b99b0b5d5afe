import http from "node:http"
import { parse } from "yaml"
import { liliumIntegrationTestRunner } from "../helpers/runner"
import { noThrow } from "../helpers/poll"

jest.setTimeout(60_000)

/** A GET whose path goes to the server byte for byte (axios would normalise "/docs/../x" to "/x"). */
function rawGet(base: string, rawPath: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base)
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: rawPath, method: "GET" }, (res) => {
      let body = ""
      res.on("data", (c) => (body += c))
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on("error", reject)
    req.end()
  })
}

const TYPES: Record<string, RegExp> = {
  ".css": /^text\/css; charset=utf-8$/,
  ".js": /^text\/javascript; charset=utf-8$/,
  ".png": /^image\/png$/,
}

liliumIntegrationTestRunner({
  withCatalog: false,
  testSuite: ({ api }) => {
    describe("GET /docs", () => {
      it("serves the Swagger UI page that loads only this server's files, under a same-origin CSP", async () => {
        const res = await api.get("/docs")
        expect(res.status).toBe(200)
        expect(res.headers["content-type"]).toBe("text/html; charset=utf-8")
        const csp = res.headers["content-security-policy"]
        expect(csp).toContain("default-src 'none'")
        expect(csp).toContain("script-src 'self'")
        expect(csp).toContain("frame-ancestors 'none'")
        expect(res.headers["x-content-type-options"]).toBe("nosniff")
        expect(res.headers["cache-control"]).toBe("no-cache")
        const html: string = res.data
        expect(html).toContain('<div id="swagger-ui"></div>')
        // No inline script (the CSP would block it) and nothing from another origin.
        expect(html).not.toMatch(/<script>|<script [^>]*>[^<]+<\/script>/)
        expect(html).not.toMatch(/(src|href)="(https?:)?\/\//)
        const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1])
        expect(refs).toEqual([
          "/docs/swagger-ui.css",
          "/docs/docs.css",
          "/docs/favicon-32x32.png",
          "/docs/favicon-16x16.png",
          "/docs/openapi.yaml",
          "/docs/swagger-ui-bundle.js",
          "/docs/init.js",
        ])

        // Each file the page references loads, with its type and the cache headers.
        for (const ref of refs.filter((r) => r !== "/docs/openapi.yaml")) {
          const asset = await api.get(ref, { responseType: "arraybuffer" })
          const ext = ref.slice(ref.lastIndexOf("."))
          expect({ ref, status: asset.status }).toEqual({ ref, status: 200 })
          expect({ ref, type: asset.headers["content-type"] }).toEqual({ ref, type: expect.stringMatching(TYPES[ext]) })
          expect(asset.headers["cache-control"]).toBe("public, max-age=3600")
          expect(asset.headers["etag"]).toMatch(/^"[\w-]{27}"$/)
          expect(Buffer.from(asset.data).length).toBeGreaterThan(ext === ".png" ? 100 : 50)
        }
        const bundle = (await api.get("/docs/swagger-ui-bundle.js")).data as string
        expect(bundle.length).toBeGreaterThan(500_000)
        expect(bundle).toContain("SwaggerUIBundle")
        // The page's own script points Swagger UI at this server's document and at no validator service.
        const init = (await api.get("/docs/init.js")).data as string
        expect(init).toContain('url: "/docs/openapi.json"')
        expect(init).toContain("validatorUrl: null")
      })

      it("answers 304 to a client that has the file", async () => {
        const first = await api.get("/docs/swagger-ui.css")
        const again = await api.get("/docs/swagger-ui.css", { headers: { "if-none-match": first.headers.etag }, ...noThrow })
        expect(again.status).toBe(304)
        expect(again.data).toBe("")
      })
    })

    describe("GET /docs/openapi.yaml and /docs/openapi.json", () => {
      it("serve docs/openapi.yaml as it is, and the page's JSON with tags and this server", async () => {
        const res = await api.get("/docs/openapi.yaml")
        expect(res.status).toBe(200)
        expect(res.headers["content-type"]).toBe("application/yaml; charset=utf-8")
        expect(res.headers["cache-control"]).toBe("no-cache")
        const doc = parse(res.data)
        expect(doc.openapi).toMatch(/^3\.1\./)
        expect(Object.keys(doc.paths).length).toBeGreaterThan(100)
        expect(doc.paths["/vendor/orders"].get.summary).toBeTruthy()
        expect(doc.paths["/admin/vendors/{id}/approve"].post.summary).toBeTruthy()
        expect(doc.servers).toEqual([{ url: "http://localhost:9000" }])

        const json = (await api.get("/docs/openapi.json")).data
        expect(Object.keys(json.paths)).toEqual(Object.keys(doc.paths))
        expect(json.servers).toEqual([{ url: "/", description: "This server" }])
        expect(json.paths["/vendor/orders"].get.tags).toEqual(["vendor orders"])
        expect(json.paths["/admin/vendors/{id}/approve"].post.tags).toEqual(["admin vendors"])
        expect(json.tags.map((t: any) => t.name)).toEqual(expect.arrayContaining(["admin vendors", "store carts", "vendor payouts"]))
      })
    })

    describe("anything else under /docs", () => {
      it("is 404: unknown names, files of the package that are not on the list, prototype keys", async () => {
        for (const name of [
          "nope.js",
          "package.json",
          "index.html",
          "swagger-initializer.js",
          "swagger-ui-bundle.js.map",
          "__proto__",
          "toString",
        ]) {
          const res = await api.get(`/docs/${name}`, noThrow)
          expect({ name, status: res.status }).toEqual({ name, status: 404 })
          expect(res.headers["content-type"]).toMatch(/^application\/json/)
        }
      })

      it("path traversal reaches no file", async () => {
        const base: string = (await api.get("/docs")).config.baseURL
        for (const raw of [
          "/docs/..%2Fpackage.json",
          "/docs/..%2F..%2F..%2Fpackage.json",
          "/docs/%2e%2e%2f%2e%2e%2fpackage.json",
          "/docs/..%5C..%5Cpackage.json",
          "/docs/../../package.json",
          "/docs/swagger-ui.css/../../../../etc/passwd",
          "/docs/%2Fetc%2Fpasswd",
          "/docs/swagger-ui.css%00",
        ]) {
          const res = await rawGet(base, raw)
          expect({ raw, status: [400, 404].includes(res.status) }).toEqual({ raw, status: true })
          expect(res.body).not.toContain('"name"')
          expect(res.body).not.toContain("root:")
        }
      })
    })
  },
})
