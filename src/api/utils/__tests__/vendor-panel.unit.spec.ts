import fs from "node:fs"
import http from "node:http"
import os from "node:os"
import path from "node:path"
import express from "express"
import { serveVendorPanel } from "../vendor-panel"

/** The vendor panel's static server (issue 22) on a real express app, over a built panel in a temporary folder. */
describe("serveVendorPanel", () => {
  let dir: string
  let server: http.Server
  let base: string
  const env = process.env.VENDOR_PANEL_DIR

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "panel-dist-"))
    fs.mkdirSync(path.join(dir, "assets"))
    fs.writeFileSync(path.join(dir, "index.html"), "<!doctype html><div id=root></div>")
    fs.writeFileSync(path.join(dir, "assets", "index-abc123.js"), "console.log(1)")
    fs.writeFileSync(path.join(os.tmpdir(), "panel-secret.txt"), "secret")
    process.env.VENDOR_PANEL_DIR = dir
    const app = express()
    app.use((req, res, next) => serveVendorPanel(req as any, res as any, next))
    app.use((_req, res) => {
      res.status(418).send("next")
    })
    server = app.listen(0)
    await new Promise((r) => server.once("listening", r))
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
  })
  afterAll(() => {
    server.close()
    fs.rmSync(dir, { recursive: true, force: true })
    if (env === undefined) delete process.env.VENDOR_PANEL_DIR
    else process.env.VENDOR_PANEL_DIR = env
  })

  const get = (p: string, init: RequestInit = {}) => fetch(base + p, { redirect: "manual", ...init })

  it("answers every path of the app with index.html (not cached), under the panel's own CSP", async () => {
    for (const p of ["/vendor-panel/", "/vendor-panel/orders/vord_1", "/vendor-panel/invite?token=abc"]) {
      const res = await get(p)
      expect(res.status).toBe(200)
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8")
      expect(res.headers.get("cache-control")).toBe("no-cache")
      expect(res.headers.get("content-security-policy")).toContain("script-src 'self'")
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'")
      expect(await res.text()).toContain("<div id=root>")
    }
    const bare = await get("/vendor-panel?x=1")
    expect(bare.status).toBe(301)
    expect(bare.headers.get("location")).toBe("/vendor-panel/?x=1")
  })

  it("serves hashed assets for a year, revalidates with the ETag, and 404s a missing asset", async () => {
    const res = await get("/vendor-panel/assets/index-abc123.js")
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8")
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable")
    expect(await res.text()).toBe("console.log(1)")
    const again = await get("/vendor-panel/assets/index-abc123.js", { headers: { "if-none-match": res.headers.get("etag")! } })
    expect(again.status).toBe(304)
    expect((await get("/vendor-panel/assets/index-old.js")).status).toBe(404)
    expect((await get("/vendor-panel/favicon.ico")).status).toBe(404)
  })

  it("never serves a file outside the build, refuses writes and undecodable paths, and leaves other paths alone", async () => {
    for (const p of [
      "/vendor-panel/..%2fpanel-secret.txt",
      "/vendor-panel/%2e%2e/panel-secret.txt",
      "/vendor-panel/assets/..%2f..%2fpanel-secret.txt",
    ]) {
      const res = await get(p)
      expect({ p, body: await res.text() }).not.toEqual({ p, body: "secret" })
    }
    expect((await get("/vendor-panel/orders", { method: "POST" })).status).toBe(405)
    expect((await get("/vendor-panel/%E0%A4%A")).status).toBe(400)
    for (const p of ["/vendor/me", "/vendor-panels", "/store/products"]) expect((await get(p)).status).toBe(418)
  })

  it("without a build: a 404 saying how to build it where the sources are (this repo)", async () => {
    process.env.VENDOR_PANEL_DIR = path.join(dir, "missing")
    try {
      const res = await get("/vendor-panel/")
      expect(res.status).toBe(404)
      expect(await res.text()).toMatch(/npm run panel:build/)
    } finally {
      process.env.VENDOR_PANEL_DIR = dir
    }
  })
})
