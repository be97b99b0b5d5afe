import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { wholeCount } from "../../../lib/money"
import type { CompanyRole, SpendingPeriod } from "../../../modules/company/models/company-employee"
import { decideCartApprovalWorkflow } from "../../../workflows/company/workflows/decide-cart-approval"
import { customerParam } from "../scope"

export const COMPANY_FIELDS = [
  "id",
  "name",
  "email",
  "phone",
  "tax_id",
  "status",
  "payment_terms",
  "credit_limit",
  "currency_code",
  "timezone",
  "customer_group_id",
  "created_at",
  "updated_at",
] as const

export const EMPLOYEE_FIELDS = [
  "id",
  "company_id",
  "customer_id",
  "role",
  "spending_limit",
  "spending_period",
  "created_at",
  "updated_at",
] as const
export const EMPLOYEE_CUSTOMER_FIELDS = ["customer.id", "customer.email", "customer.first_name", "customer.last_name"]

type Row = Record<string, unknown>
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))

/** A company as its employees and the operator see it (amounts as numbers, no raw_ columns). */
export function companyView(c: Row) {
  const out: Row = Object.fromEntries(COMPANY_FIELDS.map((k) => [k, c[k] ?? null]))
  out.credit_limit = num(c.credit_limit)
  return out
}

/** An employee, with the customer's name and e-mail when they were read. */
export function employeeView(e: Row) {
  const out: Row = Object.fromEntries(EMPLOYEE_FIELDS.map((k) => [k, e[k] ?? null]))
  out.spending_limit = num(e.spending_limit)
  if (e.customer !== undefined) {
    const c = (e.customer ?? null) as Row | null
    out.customer = c && { id: c.id, email: c.email, first_name: c.first_name ?? null, last_name: c.last_name ?? null }
  }
  return out
}

/** The caller's company and employee row, set by companyAccess (src/api/store/companies/middlewares.ts). */
export type CompanyContext = {
  company: Row & { id: string; customer_group_id: string | null; currency_code: string }
  employee: { id: string; role: CompanyRole; spending_limit: number | null; spending_period: SpendingPeriod | null; customer_id: string }
}

/** The caller's company context; 404 when the access check did not run (fails closed, as customerParam). */
export function companyContext(req: MedusaRequest): CompanyContext {
  const ctx = (req as MedusaRequest & { company_context?: CompanyContext }).company_context
  if (!ctx) throw new MedusaError(MedusaError.Types.NOT_FOUND, "You are not an employee of a company.")
  return ctx
}

/** One company with the fields its views show, or 404. */
export async function readCompany(scope: MedusaContainer, id: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "company", fields: [...COMPANY_FIELDS], filters: { id } })
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Company with id: ${id} was not found`)
  return companyView(data[0])
}

/** Employees of a company with their customer's name and e-mail, oldest first. */
export async function listEmployees(scope: MedusaContainer, companyId: string, page?: { offset: number; limit: number }) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "company_employee",
    fields: [...EMPLOYEE_FIELDS, ...EMPLOYEE_CUSTOMER_FIELDS],
    filters: { company_id: companyId },
    pagination: { ...(page ? { skip: page.offset, take: page.limit } : {}), order: { created_at: "ASC", id: "ASC" } },
  })
  return { employees: data.map(employeeView), count: wholeCount(metadata?.count ?? data.length) }
}

export const APPROVAL_FIELDS = [
  "id",
  "company_id",
  "cart_id",
  "requested_by",
  "requester_customer_id",
  "status",
  "cart_total",
  "currency_code",
  "decided_by",
  "decided_at",
  "note",
  "created_at",
  "updated_at",
] as const

/** An approval as employees see it (amounts as numbers; the fingerprint stays inside). */
export function approvalView(a: Row) {
  const out: Row = Object.fromEntries(APPROVAL_FIELDS.map((k) => [k, a[k] ?? null]))
  out.cart_total = num(a.cart_total)
  return out
}

/** A company's approval rule as its employees see it, or null when it has none. */
export function approvalSettingsView(s: Row | undefined | null) {
  if (!s) return null
  return { currency_code: s.currency_code, approval_threshold: num(s.approval_threshold) }
}

export const ADDRESS_FIELDS = [
  "id",
  "address_name",
  "is_default_shipping",
  "is_default_billing",
  "company_name",
  "first_name",
  "last_name",
  "address_1",
  "address_2",
  "city",
  "country_code",
  "province",
  "postal_code",
  "phone",
  "created_at",
  "updated_at",
] as const

/** A company address in Medusa's customer-address shape (`company` is the label's company name). */
export function addressView(a: Row) {
  const { company_name, ...rest } = Object.fromEntries(ADDRESS_FIELDS.map((k) => [k, a[k] ?? null])) as Row
  return { ...rest, company: company_name ?? null }
}

/** The address columns from an API body (`company` is stored as company_name). */
export function addressColumns(body: Record<string, unknown>) {
  const { company, ...rest } = body
  return company === undefined ? rest : { ...rest, company_name: company }
}

export const INVITE_FIELDS = [
  "id",
  "company_id",
  "email",
  "role",
  "spending_limit",
  "spending_period",
  "expires_at",
  "accepted_at",
  "invited_by",
  "created_at",
] as const

/** An invite as admins see it (never its token hash), with its state: open, accepted or expired. */
export function inviteView(i: Row, now = Date.now()) {
  const out: Row = Object.fromEntries(INVITE_FIELDS.map((k) => [k, i[k] ?? null]))
  out.spending_limit = num(i.spending_limit)
  out.status = i.accepted_at ? "accepted" : new Date(String(i.expires_at)).getTime() <= now ? "expired" : "open"
  return out
}

/**
 * POST /store/companies/me/approvals/:id/approve|reject: the caller (an
 * approver or admin, by the role table) decides on an approval of their company.
 */
export async function decideApproval(req: MedusaRequest<{ note?: string | null }>, res: MedusaResponse, decision: "approved" | "rejected") {
  const { company, employee } = companyContext(req)
  const { result } = await decideCartApprovalWorkflow(req.scope).run({
    input: {
      approval_id: customerParam(req, "id"),
      company_id: company.id,
      employee_id: employee.id,
      decision,
      note: req.validatedBody?.note ?? null,
    },
  })
  res.json({ approval: approvalView(result as unknown as Row) })
}
