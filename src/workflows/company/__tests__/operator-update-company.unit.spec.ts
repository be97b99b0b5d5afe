import { companyAuditEntries } from "../workflows/operator-update-company"

describe("operator company change: audit entry", () => {
  const base = { status: "active", payment_terms: "prepaid", credit_limit: null, currency_code: "eur" }

  it("names a status change company.suspended or company.reactivated, anything else company.updated", () => {
    const suspend = companyAuditEntries("comp_1", base, { ...base, status: "suspended", credit_limit: 10 })
    expect(suspend).toEqual([
      {
        action: "company.suspended",
        target_type: "company",
        target_id: "comp_1",
        vendor_id: null,
        before: base,
        after: { ...base, status: "suspended", credit_limit: 10 },
      },
    ])
    expect(companyAuditEntries("comp_1", { ...base, status: "suspended" }, base)[0].action).toBe("company.reactivated")
    expect(companyAuditEntries("comp_1", base, { ...base, payment_terms: "net_30" })[0].action).toBe("company.updated")
  })

  it("records nothing when nothing changed or the company was not read", () => {
    expect(companyAuditEntries("comp_1", base, { ...base })).toEqual([])
    expect(companyAuditEntries("comp_1", null, base)).toEqual([])
  })
})
