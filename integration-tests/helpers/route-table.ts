import fs from "fs"
import path from "path"
import type { z } from "@medusajs/framework/zod"

/**
 * Lilium's routes, read from the code rather than from a list someone keeps:
 * the route files under src/api (their exported methods) and the middleware
 * table in src/api/middlewares.ts (the schema each route validates with, kept
 * on the middleware by validateBody / validateQuery). Used by the generated
 * bad-input test, so a route added later is covered without anyone
 * remembering to add it.
 */

export type RouteFile = { file: string; path: string; methods: string[] }
export type BodyRoute = { path: string; method: string; schema: z.ZodTypeAny; matcher: string }

const API_DIR = path.join(__dirname, "../../src/api")
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]

/** Every src/api/**\/route.ts with the URL it serves (`[id]` → `:id`) and its exported methods. */
export function routeFiles(apiDir = API_DIR): RouteFile[] {
  const out: RouteFile[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/^route\.[jt]s$/.test(entry.name)) {
        const src = fs.readFileSync(full, "utf8")
        const methods = METHODS.filter((m) =>
          new RegExp(`export\\s+(?:const|let|async\\s+function|function)\\s+${m}\\b|export\\s*\\{[^}]*\\b${m}\\b[^}]*\\}`).test(src)
        )
        const rel = path.relative(apiDir, path.dirname(full)).split(path.sep)
        const url = "/" + rel.map((s) => s.replace(/^\[(.+)\]$/, ":$1")).join("/")
        out.push({ file: path.relative(path.join(apiDir, "../.."), full), path: url, methods })
      }
    }
  }
  walk(apiDir)
  return out.sort((a, b) => a.path.localeCompare(b.path))
}

/** A Medusa route matcher as a regular expression (`:param`, `*`, `(a|b)` groups). */
export function matcherRegex(matcher: string): RegExp {
  let re = ""
  for (let i = 0; i < matcher.length; i++) {
    const c = matcher[i]
    if (c === ":") {
      const m = /^:[A-Za-z0-9_]+/.exec(matcher.slice(i))!
      re += "[^/]+"
      i += m[0].length - 1
    } else if (c === "*") re += ".*"
    else if (c === "(" || c === ")" || c === "|") re += c
    else re += c.replace(/[.+?^${}[\]\\/]/g, "\\$&")
  }
  return new RegExp(`^${re}/?$`)
}

/** `/admin/vendors/:id/(approve|reject)` → one path per alternative. */
export function expandMatcher(matcher: string): string[] {
  const m = /\(([^()]+)\)/.exec(matcher)
  if (!m) return [matcher]
  return m[1].split("|").flatMap((alt) => expandMatcher(matcher.slice(0, m.index) + alt + matcher.slice(m.index + m[0].length)))
}

/** A route path with each `:param` replaced by a placeholder, for matching against matchers. */
export const samplePath = (p: string) => p.replace(/:([A-Za-z0-9_]+)/g, "sample_$1")

type MiddlewareRoute = { matcher: string | RegExp; methods?: string[]; middlewares?: any[] }

/** The body schemas of the middleware table, one entry per concrete path and method. */
export function bodyRoutes(config: { routes?: MiddlewareRoute[] }): BodyRoute[] {
  const out: BodyRoute[] = []
  for (const r of config.routes ?? []) {
    if (typeof r.matcher !== "string") continue
    const schema = (r.middlewares ?? []).find((m) => m?.bodySchema)?.bodySchema
    if (!schema) continue
    for (const method of r.methods ?? ["POST"]) {
      for (const p of expandMatcher(r.matcher)) out.push({ path: p, method, schema, matcher: r.matcher })
    }
  }
  return out
}

/** The body schema the middleware table applies to `method path`, if any. */
export function bodySchemaFor(config: { routes?: MiddlewareRoute[] }, method: string, routePath: string) {
  const sample = samplePath(routePath)
  let found: z.ZodTypeAny | undefined
  for (const r of config.routes ?? []) {
    if (typeof r.matcher !== "string") continue
    if (r.methods && !r.methods.includes(method)) continue
    if (!matcherRegex(r.matcher).test(sample)) continue
    const schema = (r.middlewares ?? []).find((m) => m?.bodySchema)?.bodySchema
    // A matcher spelling the path out (`/preview`) wins over a `:id` one.
    if (schema && expandMatcher(r.matcher).includes(routePath)) return schema
    if (schema) found = schema
  }
  return found
}
