import fs from "node:fs"
import path from "node:path"

/**
 * Lilium's own routes as the route tree on disk says they are: the
 * route.ts files under a folder of src/api, `[id]` read as `:id`. The
 * tenant scopes (src/api/vendor/scope.ts, src/api/store/scope.ts) are built
 * from this when the middlewares load, so a new route is covered, or stops
 * the app from starting, without anybody remembering to register it.
 */
export type RoutePattern = { path: string; segments: string[] }

/** Every route below `dir`, as paths under `/${prefix}`; static segments sort before parameters, as in Medusa's router. */
export function discoverRoutes(dir: string, prefix: string): RoutePattern[] {
  const out: RoutePattern[] = []
  const walk = (d: string, segs: string[]) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name === "__tests__" || entry.name === "node_modules") continue
        const seg = entry.name.replace(/^\[(.+)\]$/, ":$1")
        walk(path.join(d, entry.name), [...segs, seg])
      } else if (/^route\.(ts|js|mjs)$/.test(entry.name)) {
        out.push({ path: "/" + [prefix, ...segs].join("/"), segments: [prefix, ...segs] })
      }
    }
  }
  walk(dir, [])
  return out.sort((a, b) => staticScore(b) - staticScore(a))
}
const staticScore = (r: RoutePattern) => r.segments.reduce((s, seg, i) => s + (seg.startsWith(":") ? 0 : 1 << (16 - i)), 0)

/** The first route of `routes` (sorted as discoverRoutes sorts) that a request path matches, with the path's decoded segments. */
export function matchRoutePath<T extends { route: RoutePattern }>(entries: T[], pathname: string) {
  const segs = pathname
    .replace(/^\/+|\/+$/g, "")
    .split("/")
    .map((s) => {
      try {
        return decodeURIComponent(s)
      } catch {
        return s
      }
    })
  const entry = entries.find(
    ({ route }) => route.segments.length === segs.length && route.segments.every((s, i) => s.startsWith(":") || s === segs[i])
  )
  return entry && { segs, entry }
}
