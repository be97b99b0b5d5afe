import { STORE_PARAM_KINDS, discoverStoreRoutes, storeParamRules } from "../scope"

const route = (p: string) => ({ path: p, segments: p.split("/").slice(1) })

describe("store scope rules", () => {
  it("gives every path parameter of every Lilium store route a rule", () => {
    const routes = discoverStoreRoutes()
    const withParams = routes.filter((r) => r.segments.some((s) => s.startsWith(":")))
    expect(withParams.length).toBeGreaterThanOrEqual(10)
    for (const r of withParams) expect(storeParamRules(r).length).toBe(r.segments.filter((s) => s.startsWith(":")).length)
  })

  it("picks the longest key that ends at the parameter", () => {
    const kinds = (p: string) => storeParamRules(route(p)).map((r) => [r.name, r.kind])
    expect(kinds("/store/carts/:id/complete")).toEqual([["id", "cart_capability"]])
    expect(kinds("/store/carts/:id/line-items/bulk")).toEqual([["id", "cart"]])
    expect(kinds("/store/customers/me/wishlists/:id/items/:item_id")).toEqual([
      ["id", "wishlist"],
      ["item_id", "wishlist_item"],
    ])
    expect(kinds("/store/orders/:id/reorder")).toEqual([["id", "order"]])
    expect(STORE_PARAM_KINDS["/store/vendors/:handle"]).toBe("public")
    expect(kinds("/store/companies/me/employees/:id")).toEqual([["id", "company_employee"]])
    expect(kinds("/store/quotes/:id/vendor-quotes/:vendor_quote_id/messages")).toEqual([
      ["id", "quote"],
      ["vendor_quote_id", "quote_part"],
    ])
  })

  it("refuses a route whose parameter has no rule, naming the key to add", () => {
    expect(() => storeParamRules(route("/store/invoices/:id/download"))).toThrow(
      'The store route /store/invoices/:id/download has the path parameter :id with no ownership rule; add "/store/invoices/:id" to STORE_PARAM_KINDS in src/api/store/scope.ts.'
    )
    // A parameter below a covered one still needs its own rule.
    expect(() => storeParamRules(route("/store/orders/:id/lines/:line_id"))).toThrow('add "/store/orders/:id/lines/:line_id"')
  })
})
