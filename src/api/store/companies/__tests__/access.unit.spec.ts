import fs from "node:fs"
import path from "node:path"
import { COMPANY_ROUTE_ROLES, companyRouteRoles, rolesFor } from "../middlewares"

const route = (p: string) => ({ path: p, segments: p.split("/").slice(1) })
const STORE_DIR = path.join(__dirname, "..", "..")

/** The HTTP methods a route file exports. */
function exportedMethods(routePath: string): string[] {
  const dir = routePath
    .split("/")
    .slice(2)
    .map((s) => (s.startsWith(":") ? `[${s.slice(1)}]` : s))
  const src = fs.readFileSync(path.join(STORE_DIR, ...dir, "route.ts"), "utf8")
  return [...src.matchAll(/export\s+(?:async\s+function|const)\s+(GET|POST|DELETE)\b/g)].map((m) => m[1]).sort()
}

describe("company route roles", () => {
  it("gives every route and method under /store/companies/me its roles: admins manage, approvers decide, every employee reads the company and its addresses", () => {
    const found = Object.fromEntries(
      companyRouteRoles().flatMap(({ route, roles }) =>
        exportedMethods(route.path).map((m) => [`${m} ${route.path}`, [...rolesFor(roles, m)]])
      )
    )
    const all = ["admin", "approver", "buyer"]
    expect(found).toEqual({
      "GET /store/companies/me": all,
      "POST /store/companies/me": ["admin"],
      "POST /store/companies/me/invites": ["admin"],
      "GET /store/companies/me/invites": ["admin"],
      "DELETE /store/companies/me/invites/:id": ["admin"],
      "GET /store/companies/me/addresses": all,
      "POST /store/companies/me/addresses": ["admin"],
      "POST /store/companies/me/addresses/:id": ["admin"],
      "DELETE /store/companies/me/addresses/:id": ["admin"],
      "GET /store/companies/me/employees": ["admin"],
      "POST /store/companies/me/employees/:id": ["admin"],
      "DELETE /store/companies/me/employees/:id": ["admin"],
      "POST /store/companies/me/approval-settings": ["admin"],
      "GET /store/companies/me/spend": ["admin"],
      // Every employee; which order is the route's check (admins any of the company's, the others their own).
      "GET /store/companies/me/orders/:id/invoice": all,
      "GET /store/companies/me/approvals": ["admin", "approver"],
      "POST /store/companies/me/approvals/:id/approve": ["admin", "approver"],
      "POST /store/companies/me/approvals/:id/reject": ["admin", "approver"],
    })
    expect(Object.keys(COMPANY_ROUTE_ROLES).sort()).toEqual([...new Set(companyRouteRoles().map((r) => r.route.path))].sort())
  })

  it("lists every method a per-method entry's route exports (an unlisted method would be refused to everyone)", () => {
    for (const { route, roles } of companyRouteRoles()) {
      if (Array.isArray(roles)) continue
      expect({ route: route.path, methods: Object.keys(roles).sort() }).toEqual({ route: route.path, methods: exportedMethods(route.path) })
    }
  })

  it("refuses a company route without roles, naming where to add it, and ignores routes outside the caller's company", () => {
    expect(() => companyRouteRoles([route("/store/companies/me/secrets")])).toThrow(
      "The company route /store/companies/me/secrets has no roles; add it to COMPANY_ROUTE_ROLES in src/api/store/companies/middlewares.ts."
    )
    expect(
      companyRouteRoles([route("/store/companies"), route("/store/companies/invites/accept"), route("/store/companies/method")])
    ).toEqual([])
    expect(rolesFor({ GET: ["admin"] }, "delete")).toEqual([])
  })
})
