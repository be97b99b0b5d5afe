import { MathBN } from "@medusajs/framework/utils"
import { rawAmount } from "../../lib/money"
import { COMMISSION_MODULE } from "../../modules/commission"
import { COMPANY_MODULE } from "../../modules/company"
import { LEDGER_MODULE } from "../../modules/ledger"
import { PAYOUT_MODULE } from "../../modules/payout"
import { VENDOR_MODULE } from "../../modules/vendor"
import type { AuditRecord } from "../../modules/audit/types"

type Target = {
  /** Module key and its generated list method. */
  module: string
  list: string
  /** The fields an audit entry keeps of this record (nothing secret: no token hashes, no full IBAN). */
  project: (r: any) => Record<string, unknown>
  /** Fields kept in both before and after even when unchanged (context such as the amount). */
  keep?: string[]
}

const pick = (r: any, keys: string[]) => Object.fromEntries(keys.map((k) => [k, r?.[k] ?? null]))

/**
 * The records the audit trail knows how to read, and which of their fields
 * an entry keeps before and after a change. One table, so every workflow
 * records the same fields for the same kind of target.
 */
export const AUDIT_TARGETS: Record<string, Target> = {
  vendor: {
    module: VENDOR_MODULE,
    list: "listVendors",
    project: (r) =>
      pick(r, [
        "status",
        "status_reason",
        "name",
        "handle",
        "legal_name",
        "email",
        "phone",
        "tax_id",
        "registration_number",
        "address",
        "logo_url",
        "description",
        "default_currency_code",
        "require_member_mfa",
        "deleted_at",
      ]),
  },
  vendor_member: {
    module: VENDOR_MODULE,
    list: "listVendorMembers",
    project: (r) => pick(r, ["email", "role", "first_name", "last_name", "deleted_at"]),
  },
  vendor_invite: {
    module: VENDOR_MODULE,
    list: "listVendorInvites",
    project: (r) => pick(r, ["email", "role", "expires_at", "accepted_at", "invited_by_member_id"]),
  },
  vendor_order: {
    module: VENDOR_MODULE,
    list: "listVendorOrders",
    keep: ["currency_code"],
    project: (r) => pick(r, ["vendor_id", "status", "currency_code", "total", "refunded_total"]),
  },
  commission_rule: {
    module: COMMISSION_MODULE,
    list: "listCommissionRules",
    project: (r) =>
      pick(r, [
        "name",
        "rate_type",
        "value",
        "currency_code",
        "min_amount",
        "max_amount",
        "scope_type",
        "scope_id",
        "priority",
        "starts_at",
        "ends_at",
        "include_shipping",
        "is_active",
        "deleted_at",
      ]),
  },
  payout: {
    module: LEDGER_MODULE,
    list: "listPayouts",
    keep: ["amount", "currency_code"],
    project: (r) =>
      pick(r, [
        "vendor_id",
        "status",
        "amount",
        "currency_code",
        "provider",
        "attempt",
        "reference",
        "paid_at",
        "failed_at",
        "failure_code",
        "failure_reason",
        "run_id",
      ]),
  },
  payout_account: {
    module: PAYOUT_MODULE,
    list: "listPayoutAccounts",
    keep: ["provider"],
    project: (r) => ({
      ...pick(r, ["provider", "status", "status_reason", "is_default", "external_id", "active_from"]),
      account_holder: r?.data?.account_holder ?? null,
      // Enough to tell accounts apart, never the account number itself.
      iban_last4: typeof r?.data?.iban === "string" ? r.data.iban.slice(-4) : null,
    }),
  },
  // A buying company as the operator changes it (status, payment terms, credit limit), with its
  // currency kept so a credit limit can be read. credit_limit as a number: a BigNumber's JSON is its raw form.
  company: {
    module: COMPANY_MODULE,
    list: "listCompanies",
    keep: ["currency_code"],
    project: (r) => ({
      ...pick(r, ["name", "email", "phone", "tax_id", "status", "payment_terms", "currency_code", "timezone", "deleted_at"]),
      credit_limit:
        r?.credit_limit === null || r?.credit_limit === undefined ? null : MathBN.convert(rawAmount(r, "credit_limit")).toNumber(),
    }),
  },
  // An order's invoice (company_order of an order paid by invoice, issue 19), with the order, amount and currency kept.
  invoice: {
    module: COMPANY_MODULE,
    list: "listCompanyOrders",
    keep: ["order_id", "amount_due", "currency_code"],
    project: (r) => ({
      ...pick(r, ["order_id", "invoice_status", "payment_reference", "currency_code"]),
      amount_due: r?.amount_due === null || r?.amount_due === undefined ? null : MathBN.convert(rawAmount(r, "amount_due")).toFixed(),
    }),
  },
  payout_run: {
    module: PAYOUT_MODULE,
    list: "listPayoutRuns",
    project: (r) => pick(r, ["status", "trigger", "currency_code", "payout_count", "completed_at", "error"]),
  },
}

/** JSON-safe copy (BigNumbers and dates as JSON writes them). */
export function toAuditJson(value: unknown): AuditRecord {
  if (value === null || value === undefined) return null
  return JSON.parse(JSON.stringify(value))
}

/**
 * An update's entry keeps only the fields that changed (plus the target's
 * `keep` fields); a creation (no before) or removal (no after) keeps all.
 */
export function auditChanges(targetType: string, before: AuditRecord, after: AuditRecord): { before: AuditRecord; after: AuditRecord } {
  if (!before || !after) return { before, after }
  const keep = new Set(AUDIT_TARGETS[targetType]?.keep ?? [])
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => keep.has(k) || JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)
  )
  return {
    before: Object.fromEntries(keys.filter((k) => k in before).map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.filter((k) => k in after).map((k) => [k, after[k]])),
  }
}

/** Reads one target (soft-deleted ones too) and keeps its audited fields; null when absent. */
export async function readAuditTarget(container: any, targetType: string, filters: Record<string, unknown>): Promise<AuditRecord> {
  const target = AUDIT_TARGETS[targetType]
  if (!target) return null
  const service = container.resolve(target.module)
  const [row] = await service[target.list](filters, { withDeleted: true, take: 1, order: { created_at: "DESC" } })
  return row ? toAuditJson(target.project(row)) : null
}
