import fs from "node:fs"
import path from "node:path"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/**
 * The vendor panel's static files at /vendor-panel (issue 22): the app's
 * build (`npm run panel:build` → vendor-panel/dist, or VENDOR_PANEL_DIR).
 * Files under assets/ are content-hashed and cached for a year; every other
 * path is the single page's index.html (its router resolves /orders/:id and
 * the other links of the e-mails), never cached. The panel runs under its own
 * CSP: scripts, styles and calls to this origin only (plus VENDOR_PANEL_CONNECT
 * for a panel built against another backend), images from https.
 *
 * Where no build exists (a host store using the plugin) the request goes on
 * as if this were not here; in the repo (vendor-panel/ present) it is a 404
 * saying how to build it.
 */
export const VENDOR_PANEL_PATH = "/vendor-panel"

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
}

function panelCsp(): string {
  const connect = ["'self'", ...(process.env.VENDOR_PANEL_CONNECT ?? "").split(",").map((s) => s.trim())].filter(Boolean)
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Medusa UI (Radix) positions popovers and toasts with style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self' data:",
    `connect-src ${connect.join(" ")}`,
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join("; ")
}

function distDir(): string | null {
  const dir = process.env.VENDOR_PANEL_DIR ? path.resolve(process.env.VENDOR_PANEL_DIR) : path.join(process.cwd(), "vendor-panel", "dist")
  return fs.existsSync(path.join(dir, "index.html")) ? dir : null
}

function send(req: MedusaRequest, res: MedusaResponse, file: string, cache: string) {
  const stat = fs.statSync(file)
  const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`
  res.setHeader("Content-Type", TYPES[path.extname(file)] ?? "application/octet-stream")
  res.setHeader("Cache-Control", cache)
  res.setHeader("ETag", etag)
  res.setHeader("Content-Security-Policy", panelCsp())
  res.setHeader("X-Frame-Options", "DENY")
  if (req.headers["if-none-match"] === etag) {
    res.status(304).end()
    return
  }
  res.setHeader("Content-Length", String(stat.size))
  if (req.method === "HEAD") {
    res.status(200).end()
    return
  }
  res.status(200)
  fs.createReadStream(file).pipe(res)
}

export function serveVendorPanel(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const urlPath = (req.originalUrl ?? req.url).split("?")[0]
  if (urlPath !== VENDOR_PANEL_PATH && !urlPath.startsWith(VENDOR_PANEL_PATH + "/")) return next()
  const dir = distDir()
  if (!dir) {
    if (!process.env.VENDOR_PANEL_DIR && !fs.existsSync(path.join(process.cwd(), "vendor-panel"))) return next()
    res.status(404).type("text/plain").send("The vendor panel is not built: run `npm run panel:build` (npm start builds it).")
    return
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("Allow", "GET, HEAD")
    res.status(405).type("text/plain").send("Method not allowed")
    return
  }
  if (urlPath === VENDOR_PANEL_PATH) {
    const query = (req.originalUrl ?? "").includes("?") ? (req.originalUrl ?? "").slice((req.originalUrl ?? "").indexOf("?")) : ""
    res.redirect(301, `${VENDOR_PANEL_PATH}/${query}`)
    return
  }
  let rel: string
  try {
    rel = decodeURIComponent(urlPath.slice(VENDOR_PANEL_PATH.length + 1))
  } catch {
    res.status(400).type("text/plain").send("Bad path")
    return
  }
  const file = path.resolve(dir, rel)
  const inside = file.startsWith(dir + path.sep) && !rel.includes("\0")
  if (inside && rel !== "" && fs.existsSync(file) && fs.statSync(file).isFile()) {
    return send(req, res, file, rel.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache")
  }
  // A missing hashed asset is a 404, not the page (a stale tab after a new build must not parse HTML as JS).
  if (rel.startsWith("assets/") || path.extname(rel)) {
    res.status(404).type("text/plain").send("Not found")
    return
  }
  send(req, res, path.join(dir, "index.html"), "no-cache")
}
