import fs from "node:fs"
import path from "node:path"
import { parse } from "yaml"

/**
 * Every custom route.ts must be documented in docs/openapi.yaml: each
 * exported HTTP method at its path, with Medusa's [param] folders written as
 * OpenAPI {param}s.
 */
const root = path.resolve(__dirname, "../../..")
const apiDir = path.join(root, "src", "api")
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === "__tests__" ? [] : routeFiles(full)
    return entry.name === "route.ts" ? [full] : []
  })
}

function customRoutes() {
  return routeFiles(apiDir).flatMap((file) => {
    const rel = path.relative(apiDir, path.dirname(file)).split(path.sep)
    const openapiPath = "/" + rel.map((seg) => seg.replace(/^\[(.+)\]$/, "{$1}")).join("/")
    const source = fs.readFileSync(file, "utf8")
    return METHODS.filter((m) => new RegExp(`export\\s+(const|async\\s+function|function)\\s+${m}\\b`).test(source)).map((method) => ({
      path: openapiPath,
      method: method.toLowerCase(),
    }))
  })
}

describe("docs/openapi.yaml", () => {
  const doc = parse(fs.readFileSync(path.join(root, "docs", "openapi.yaml"), "utf8"))

  it("is an OpenAPI 3.1 document", () => {
    expect(doc.openapi).toMatch(/^3\.1\./)
    expect(doc.info.title).toBeTruthy()
    expect(typeof doc.paths).toBe("object")
  })

  it("documents every custom route.ts method", () => {
    const missing = customRoutes().filter((r) => !doc.paths?.[r.path]?.[r.method])
    expect(missing).toEqual([])
  })

  it("documents no route that does not exist", () => {
    const routes = new Set(customRoutes().map((r) => `${r.method} ${r.path}`))
    const documented = Object.entries(doc.paths ?? {}).flatMap(([p, ops]: [string, any]) =>
      Object.keys(ops)
        .filter((k) => (METHODS as readonly string[]).includes(k.toUpperCase()))
        .map((m) => `${m} ${p}`)
    )
    expect(documented.filter((d) => !routes.has(d))).toEqual([])
  })

  it("gives every operation a summary and a response", () => {
    for (const [p, ops] of Object.entries(doc.paths ?? {}) as [string, any][]) {
      for (const [method, op] of Object.entries(ops) as [string, any][]) {
        if (!(METHODS as readonly string[]).includes(method.toUpperCase())) continue
        expect({ route: `${method} ${p}`, summary: !!op.summary }).toEqual({ route: `${method} ${p}`, summary: true })
        expect(Object.keys(op.responses ?? {}).length).toBeGreaterThan(0)
      }
    }
  })

  it("documents the rate limit on every operation (it applies to every route), and every $ref it uses exists", () => {
    for (const [p, ops] of Object.entries(doc.paths ?? {}) as [string, any][]) {
      for (const [method, op] of Object.entries(ops) as [string, any][]) {
        if (!(METHODS as readonly string[]).includes(method.toUpperCase())) continue
        expect({ route: `${method} ${p}`, ref: op.responses?.["429"]?.$ref }).toEqual({
          route: `${method} ${p}`,
          ref: "#/components/responses/TooManyRequests",
        })
      }
    }
    const text = fs.readFileSync(path.join(root, "docs", "openapi.yaml"), "utf8")
    const unresolved = [...text.matchAll(/#\/components\/(\w+)\/(\w+)/g)]
      .filter(([, kind, name]) => !doc.components?.[kind]?.[name])
      .map(([ref]) => ref)
    expect(unresolved).toEqual([])
  })
})
