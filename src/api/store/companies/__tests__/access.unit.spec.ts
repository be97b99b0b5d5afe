import { COMPANY_ROUTE_ROLES, companyRouteRoles } from "../middlewares"

const route = (p: string) => ({ path: p, segments: p.split("/").slice(1) })

describe("company route roles", () => {
  it("gives every route under /store/companies/me its roles: admins manage invites, employees and the approval rule, approvers decide, every employee reads the company", () => {
    const found = Object.fromEntries(companyRouteRoles().map(({ route, roles }) => [route.path, [...roles]]))
    expect(found).toEqual({
      "/store/companies/me": ["admin", "approver", "buyer"],
      "/store/companies/me/invites": ["admin"],
      "/store/companies/me/employees": ["admin"],
      "/store/companies/me/employees/:id": ["admin"],
      "/store/companies/me/approval-settings": ["admin"],
      "/store/companies/me/approvals": ["admin", "approver"],
      "/store/companies/me/approvals/:id/approve": ["admin", "approver"],
      "/store/companies/me/approvals/:id/reject": ["admin", "approver"],
    })
    expect(Object.keys(COMPANY_ROUTE_ROLES).sort()).toEqual(Object.keys(found).sort())
  })

  it("refuses a company route without roles, naming where to add it, and ignores routes outside the caller's company", () => {
    expect(() => companyRouteRoles([route("/store/companies/me/secrets")])).toThrow(
      "The company route /store/companies/me/secrets has no roles; add it to COMPANY_ROUTE_ROLES in src/api/store/companies/middlewares.ts."
    )
    expect(
      companyRouteRoles([route("/store/companies"), route("/store/companies/invites/accept"), route("/store/companies/method")])
    ).toEqual([])
  })
})
