import crypto from "node:crypto"
import fs from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { parse } from "yaml"

/**
 * The interactive API reference at GET /docs: Swagger UI from the
 * swagger-ui-dist package (static files, served from its folder; no CDN) over
 * docs/openapi.yaml. Only the files named in ASSETS are served; everything
 * else under /docs is 404. The app's own scripts are files too (no inline
 * script), so the page runs under a CSP that allows only this origin.
 */

/** The page and its files allow scripts, styles, images and fetches from this origin only. */
export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ")

type Asset = { type: string; body: () => Buffer | null; cache: "static" | "revalidate" }

const require_ = createRequire(__filename)

/** swagger-ui-dist's folder, or null when the package is not installed. */
function swaggerDir(): string | null {
  try {
    return path.dirname(require_.resolve("swagger-ui-dist/package.json"))
  } catch {
    return null
  }
}

export function swaggerUiVersion(): string | null {
  const dir = swaggerDir()
  if (!dir) return null
  return JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).version
}

/**
 * docs/openapi.yaml: LILIUM_OPENAPI_FILE, else the nearest docs/openapi.yaml
 * above this file (the repo in development and for `medusa build`'s
 * .medusa/server inside the repo; the Docker image copies it beside the
 * built server), else the working directory's.
 */
export function openapiFile(): string | null {
  const candidates: string[] = []
  if (process.env.LILIUM_OPENAPI_FILE) candidates.push(path.resolve(process.env.LILIUM_OPENAPI_FILE))
  for (let dir = __dirname, i = 0; i < 8; i++) {
    candidates.push(path.join(dir, "docs", "openapi.yaml"))
    const up = path.dirname(dir)
    if (up === dir) break
    dir = up
  }
  candidates.push(path.join(process.cwd(), "docs", "openapi.yaml"))
  return candidates.find((f) => fs.existsSync(f)) ?? null
}

const cache = new Map<string, { key: string; body: Buffer }>()

/** A file's bytes, kept in memory until the file changes (mtime and size). */
function readCached(file: string | null): Buffer | null {
  if (!file) return null
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch {
    return null
  }
  const key = `${stat.mtimeMs}:${stat.size}`
  const hit = cache.get(file)
  if (hit && hit.key === key) return hit.body
  const body = fs.readFileSync(file)
  cache.set(file, { key, body })
  return body
}

const fromPackage = (name: string) => () => {
  const dir = swaggerDir()
  return dir ? readCached(path.join(dir, name)) : null
}

let jsonCache: { source: Buffer; body: Buffer } | undefined
/**
 * The document as the page loads it: JSON, with a tag per resource for
 * operations that have none (so the page groups them, e.g. "admin vendors" for /admin/vendors/*)
 * and the server set to this origin (so "Try it out" calls the server that
 * serves the page). /docs/openapi.yaml stays the file as it is.
 */
function openapiJson(): Buffer | null {
  const source = readCached(openapiFile())
  if (!source) return null
  if (jsonCache?.source === source) return jsonCache.body
  const doc = parse(source.toString("utf8"))
  const tags = new Set<string>()
  for (const [p, ops] of Object.entries<Record<string, any>>(doc.paths ?? {})) {
    const tag = p.split("/").filter(Boolean).slice(0, 2).join(" ") || "/"
    for (const [method, op] of Object.entries(ops)) {
      if (!["get", "post", "put", "patch", "delete"].includes(method) || !op || typeof op !== "object") continue
      if (!op.tags?.length) op.tags = [tag]
      op.tags.forEach((t: string) => tags.add(t))
    }
  }
  const declared = new Set((doc.tags ?? []).map((t: any) => t.name))
  doc.tags = [...(doc.tags ?? []), ...[...tags].filter((t) => !declared.has(t)).map((name) => ({ name }))]
  doc.servers = [{ url: "/", description: "This server" }]
  jsonCache = { source, body: Buffer.from(JSON.stringify(doc)) }
  return jsonCache.body
}

const INIT_JS = `// Lilium: Swagger UI over this server's OpenAPI document.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/docs/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    validatorUrl: null,
    docExpansion: "none",
    defaultModelsExpandDepth: 0,
    filter: true,
    tagsSorter: "alpha",
    displayRequestDuration: true,
    persistAuthorization: false,
  })
})
`

const DOCS_CSS = `body { margin: 0; font-family: sans-serif; }
.lilium-docs-bar { display: flex; gap: 24px; align-items: baseline; padding: 12px 20px; background: #1b1b1f; color: #fff; font-size: 14px; }
.lilium-docs-bar strong { font-size: 16px; }
.lilium-docs-bar a { color: #c9d7ff; }
`

/** Every file /docs/:asset serves, by name; anything else is 404. */
export const ASSETS: Record<string, Asset> = {
  "swagger-ui.css": { type: "text/css; charset=utf-8", body: fromPackage("swagger-ui.css"), cache: "static" },
  "swagger-ui-bundle.js": { type: "text/javascript; charset=utf-8", body: fromPackage("swagger-ui-bundle.js"), cache: "static" },
  "favicon-32x32.png": { type: "image/png", body: fromPackage("favicon-32x32.png"), cache: "static" },
  "favicon-16x16.png": { type: "image/png", body: fromPackage("favicon-16x16.png"), cache: "static" },
  "init.js": { type: "text/javascript; charset=utf-8", body: () => Buffer.from(INIT_JS), cache: "static" },
  "docs.css": { type: "text/css; charset=utf-8", body: () => Buffer.from(DOCS_CSS), cache: "static" },
  "openapi.yaml": { type: "application/yaml; charset=utf-8", body: () => readCached(openapiFile()), cache: "revalidate" },
  "openapi.json": { type: "application/json; charset=utf-8", body: openapiJson, cache: "revalidate" },
}

export const PAGE_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Lilium Marketplace API</title>
    <link rel="stylesheet" href="/docs/swagger-ui.css">
    <link rel="stylesheet" href="/docs/docs.css">
    <link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32">
    <link rel="icon" type="image/png" href="/docs/favicon-16x16.png" sizes="16x16">
  </head>
  <body>
    <div class="lilium-docs-bar">
      <strong>Lilium Marketplace API</strong>
      <a href="/docs/openapi.yaml">openapi.yaml</a>
      <span>Medusa's own Store and Admin routes: docs.medusajs.com/api</span>
    </div>
    <div id="swagger-ui"></div>
    <script src="/docs/swagger-ui-bundle.js"></script>
    <script src="/docs/init.js"></script>
  </body>
</html>
`

const etagOf = (body: Buffer) => `"${crypto.createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`

/** Sends a body with its type, CSP, cache headers and a strong ETag; 304 when the client has it. */
export function sendDocsBody(req: MedusaRequest, res: MedusaResponse, type: string, body: Buffer, cache: "static" | "revalidate") {
  const etag = etagOf(body)
  res.setHeader("Content-Security-Policy", DOCS_CSP)
  res.setHeader("Content-Type", type)
  res.setHeader("ETag", etag)
  // The package's files change only with a new version (new ETag); the page and the document are checked each time.
  res.setHeader("Cache-Control", cache === "static" ? "public, max-age=3600" : "no-cache")
  const match = String(req.headers["if-none-match"] ?? "")
    .split(",")
    .map((s) => s.trim().replace(/^W\//, ""))
  if (match.includes(etag) || match.includes("*")) {
    res.status(304).end()
    return
  }
  res.status(200).send(body)
}
