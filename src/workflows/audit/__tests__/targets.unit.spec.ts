import { AUDIT_TARGETS, auditChanges, toAuditJson } from "../targets"

describe("audit targets", () => {
  it("keeps only the fields that changed, plus the target's context fields", () => {
    expect(
      auditChanges(
        "vendor",
        { status: "pending", name: "Acme", status_reason: null },
        { status: "active", name: "Acme", status_reason: null }
      )
    ).toEqual({
      before: { status: "pending" },
      after: { status: "active" },
    })
    expect(
      auditChanges(
        "payout",
        { status: "processing", amount: 40, currency_code: "eur", attempt: 1 },
        { status: "paid", amount: 40, currency_code: "eur", attempt: 1 }
      )
    ).toEqual({
      before: { status: "processing", amount: 40, currency_code: "eur" },
      after: { status: "paid", amount: 40, currency_code: "eur" },
    })
    // Nested values compare by content.
    expect(auditChanges("vendor", { address: { city: "Köln" } }, { address: { city: "Köln" } })).toEqual({ before: {}, after: {} })
  })

  it("keeps everything for a creation or a removal", () => {
    expect(auditChanges("vendor_member", null, { role: "admin", email: "a@b.c" })).toEqual({
      before: null,
      after: { role: "admin", email: "a@b.c" },
    })
    expect(auditChanges("vendor_member", { role: "admin" }, null)).toEqual({ before: { role: "admin" }, after: null })
  })

  it("never keeps secrets: no invite token hash, an IBAN only as its last four characters", () => {
    const invite = AUDIT_TARGETS.vendor_invite.project({
      email: "a@b.c",
      role: "admin",
      token_hash: "f00",
      expires_at: new Date("2026-01-01T00:00:00Z"),
    })
    expect(invite).not.toHaveProperty("token_hash")
    expect(JSON.stringify(invite)).not.toContain("f00")
    const account = AUDIT_TARGETS.payout_account.project({
      provider: "manual",
      status: "active",
      is_default: true,
      data: { account_holder: "Oakline GmbH", iban: "DE89370400440532013000", bic: "COBADEFFXXX" },
    })
    expect(account).toMatchObject({ provider: "manual", account_holder: "Oakline GmbH", iban_last4: "3000" })
    expect(JSON.stringify(account)).not.toContain("DE8937")
  })

  it("keeps a company's credit limit as a number (its exact raw value) and its currency with every change", () => {
    const company = AUDIT_TARGETS.company.project({
      name: "Acme",
      status: "active",
      payment_terms: "net_30",
      currency_code: "eur",
      credit_limit: 15000.25,
      raw_credit_limit: { value: "15000.25", precision: 20 },
      customer_group_id: "cusgroup_1",
    })
    expect(company).toMatchObject({ status: "active", payment_terms: "net_30", credit_limit: 15000.25, currency_code: "eur" })
    expect(company).not.toHaveProperty("customer_group_id")
    expect(AUDIT_TARGETS.company.project({ credit_limit: null }).credit_limit).toBeNull()
    expect(auditChanges("company", { status: "active", currency_code: "eur" }, { status: "suspended", currency_code: "eur" })).toEqual({
      before: { status: "active", currency_code: "eur" },
      after: { status: "suspended", currency_code: "eur" },
    })
  })

  it("stores JSON: dates as ISO strings, nothing undefined", () => {
    expect(toAuditJson({ at: new Date("2026-01-01T00:00:00Z"), gone: undefined, n: 1 })).toEqual({ at: "2026-01-01T00:00:00.000Z", n: 1 })
    expect(toAuditJson(undefined)).toBeNull()
  })
})
