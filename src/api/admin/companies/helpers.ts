import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { netSpend } from "../../../lib/company-spend"
import { returnedForOrders } from "../../../utils/company-spend-reads"
import { rawAmount, roundHalfEven, wholeCount } from "../../../lib/money"
import { periodStart } from "../../../lib/spending-period"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import { employeeView, listEmployees, readCompany } from "../../store/companies/helpers"
import type { AdminListCompaniesType } from "./validators"

type Row = Record<string, unknown>

/** How many of the newest orders the detail carries; the rest is GET /admin/companies/:id/orders. */
export const RECENT_ORDERS = 10
/** Company orders read per round when the spend is summed (each round reads their vendor orders too). */
const SPEND_PAGE = 500

/** A LIKE pattern that matches `text` literally (%, _ and \ escaped). */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/**
 * The list's filters: status and payment_terms (one or several), q in the
 * name, e-mail or tax id (any case; for the tax id also without the spaces
 * and dots people type, as tax ids are stored normalised).
 */
export function companyListFilters(query: Partial<AdminListCompaniesType>): Record<string, unknown> {
  const filters: Record<string, unknown> = {}
  const list = (v: string | string[]) => (Array.isArray(v) ? v : [v])
  if (query.status) filters.status = list(query.status)
  if (query.payment_terms) filters.payment_terms = list(query.payment_terms)
  if (query.q) {
    const taxId = query.q.replace(/[\s.]/g, "")
    filters.$or = [
      { name: { $ilike: contains(query.q) } },
      { email: { $ilike: contains(query.q) } },
      ...(taxId ? [{ tax_id: { $ilike: contains(taxId) } }] : []),
    ]
  }
  return filters
}

/** A company row of the list as asked for with `fields`: amounts as numbers, no raw_ columns. */
export function presentCompany(c: Row): Row {
  const out: Row = Object.fromEntries(Object.entries(c).filter(([k]) => !k.startsWith("raw_")))
  if ("credit_limit" in out) out.credit_limit = out.credit_limit === null ? null : MathBN.convert(rawAmount(c, "credit_limit")).toNumber()
  return out
}

const money = (amount: BigNumberInput, currencyCode: string) => roundHalfEven(amount, currencyCode).numeric

/** Totals of a set of orders: placed, given back to the buyer (refunds, rejected and canceled vendor orders) and net. */
type SpendBucket = { order_count: number; total: BigNumberInput; refunded_total: BigNumberInput; net_total: BigNumberInput }
const emptyBucket = (): SpendBucket => ({ order_count: 0, total: 0, refunded_total: 0, net_total: 0 })
function addToBucket(b: SpendBucket, total: BigNumberInput, net: BigNumberInput) {
  b.order_count += 1
  b.total = MathBN.add(b.total, total)
  b.net_total = MathBN.add(b.net_total, net)
  b.refunded_total = MathBN.add(b.refunded_total, MathBN.sub(total, net))
}
const presentBucket = (b: SpendBucket, currencyCode: string) => ({
  order_count: b.order_count,
  total: money(b.total, currencyCode),
  refunded_total: money(b.refunded_total, currencyCode),
  net_total: money(b.net_total, currencyCode),
})

/**
 * A company's spend in its currency, net of refunds, this calendar month (in
 * the company's time zone) and all time: the orders its employees placed
 * (company_order, total at placement) minus what their vendor orders gave
 * back (refunds; the whole vendor order once rejected or canceled), the rule
 * spending limits use. An order counts in the month it was placed, with its
 * refunds whenever they happen. Read in rounds of SPEND_PAGE orders by id.
 */
export async function companySpend(
  scope: MedusaContainer,
  company: { id: string; currency_code: string; timezone: string },
  now = new Date()
) {
  const monthStart = periodStart("month", company.timezone, now)!
  const companies: CompanyModuleService = scope.resolve(COMPANY_MODULE)
  const month = emptyBucket()
  const all = emptyBucket()
  for (let after: string | null = null; ;) {
    const rows = await companies.listCompanyOrders(
      { company_id: company.id, currency_code: company.currency_code, ...(after ? { id: { $gt: after } } : {}) },
      { select: ["id", "order_id", "total", "raw_total", "placed_at"] as never, take: SPEND_PAGE, order: { id: "ASC" } }
    )
    if (!rows.length) break
    const returned = await returnedForOrders(
      scope,
      rows.map((r) => r.order_id)
    )
    for (const r of rows) {
      const total = rawAmount(r as never, "total")
      const net = netSpend(total, returned.get(r.order_id))
      addToBucket(all, total, net)
      if (new Date(r.placed_at) >= monthStart) addToBucket(month, total, net)
    }
    if (rows.length < SPEND_PAGE) break
    after = rows[rows.length - 1].id
  }
  return {
    currency_code: company.currency_code,
    timezone: company.timezone,
    month_start: monthStart.toISOString(),
    this_month: presentBucket(month, company.currency_code),
    all_time: presentBucket(all, company.currency_code),
  }
}

const COMPANY_ORDER_FIELDS = [
  "id",
  "order_id",
  "employee_id",
  "customer_id",
  "currency_code",
  "total",
  "raw_total",
  "placed_at",
  "order.display_id",
]

/**
 * The orders a company's employees placed, newest first, each with the
 * Medusa order's display id, the total at placement, what came back to the
 * buyer and the net, and who placed it (the employee, also a removed one,
 * with the customer's name and e-mail).
 */
export async function companyOrdersPage(
  scope: MedusaContainer,
  filters: { company_id: string } | { order_id: string },
  page: { offset: number; limit: number }
) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "company_order",
    fields: [...COMPANY_ORDER_FIELDS, "company_id"],
    filters,
    pagination: { skip: page.offset, take: page.limit, order: { placed_at: "DESC", id: "DESC" } },
  })
  const rows = data as Row[]
  const orderIds = rows.map((r) => r.order_id as string)
  const employeeIds = [...new Set(rows.map((r) => r.employee_id as string))]
  const customerIds = [...new Set(rows.map((r) => r.customer_id as string))]
  const companies: CompanyModuleService = scope.resolve(COMPANY_MODULE)
  const [returned, employees, customers] = await Promise.all([
    returnedForOrders(scope, orderIds),
    employeeIds.length
      ? companies.listCompanyEmployees({ id: employeeIds }, { select: ["id", "role", "deleted_at"] as never, withDeleted: true })
      : Promise.resolve([]),
    customerIds.length
      ? query
          .graph({ entity: "customer", fields: ["id", "email", "first_name", "last_name"], filters: { id: customerIds } })
          .then((r) => r.data as Row[])
      : Promise.resolve([] as Row[]),
  ])
  const employeeById = new Map(employees.map((e) => [e.id, e]))
  const customerById = new Map(customers.map((c) => [c.id as string, c]))
  const orders = rows.map((r) => {
    const currency = r.currency_code as string
    const total = rawAmount(r, "total")
    const net = netSpend(total, returned.get(r.order_id as string))
    const employee = employeeById.get(r.employee_id as string)
    const customer = customerById.get(r.customer_id as string)
    return {
      id: r.id,
      company_id: r.company_id,
      order_id: r.order_id,
      display_id: (r.order as Row | null)?.display_id ?? null,
      placed_at: r.placed_at,
      currency_code: currency,
      total: money(total, currency),
      refunded_total: money(MathBN.sub(total, net), currency),
      net_total: money(net, currency),
      employee: {
        id: r.employee_id,
        role: employee?.role ?? null,
        removed: !employee || !!employee.deleted_at,
        customer: customer
          ? { id: customer.id, email: customer.email, first_name: customer.first_name ?? null, last_name: customer.last_name ?? null }
          : { id: r.customer_id, email: null, first_name: null, last_name: null },
      },
    }
  })
  return { orders, count: wholeCount(metadata?.count ?? rows.length), offset: page.offset, limit: page.limit }
}

/**
 * The operator's detail: the company, all its employees (with the
 * customer's name and e-mail), its order count and newest RECENT_ORDERS
 * orders, and its spend this month and all time.
 */
export async function companyDetail(scope: MedusaContainer, id: string) {
  const company = await readCompany(scope, id)
  const [{ employees }, recent, spend] = await Promise.all([
    listEmployees(scope, id),
    companyOrdersPage(scope, { company_id: id }, { offset: 0, limit: RECENT_ORDERS }),
    companySpend(scope, company as { id: string; currency_code: string; timezone: string }),
  ])
  return { ...company, employees, order_count: recent.count, recent_orders: recent.orders, spend }
}

/** 404 unless the record exists (a customer or an order), for the widgets' routes. */
async function assertExists(scope: MedusaContainer, entity: "customer" | "order", id: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity, fields: ["id"], filters: { id } })
  const label = entity === "customer" ? "Customer" : "Order"
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `${label} with id: ${id} was not found`)
}

const COMPANY_SUMMARY_FIELDS = ["id", "name", "email", "status", "payment_terms", "currency_code"]
const pickCompany = (c: Row | null | undefined) => (c ? Object.fromEntries(COMPANY_SUMMARY_FIELDS.map((k) => [k, c[k] ?? null])) : null)

/** The customer's company and role (customer page widget): both null when the customer is in no company. */
export async function customerCompany(scope: MedusaContainer, customerId: string) {
  await assertExists(scope, "customer", customerId)
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "company_employee",
    fields: [
      "id",
      "company_id",
      "customer_id",
      "role",
      "spending_limit",
      "spending_period",
      ...COMPANY_SUMMARY_FIELDS.map((f) => `company.${f}`),
    ],
    filters: { customer_id: customerId },
  })
  const employee = data[0] as Row | undefined
  if (!employee) return { company: null, employee: null }
  return { company: pickCompany(employee.company as Row), employee: employeeView(employee) }
}

/**
 * The buying company of an order and who placed it, with the order's total,
 * refunds and net for the company (order page widget); nulls for an order
 * not placed by a company's employee.
 */
export async function orderCompany(scope: MedusaContainer, orderId: string) {
  await assertExists(scope, "order", orderId)
  const { orders } = await companyOrdersPage(scope, { order_id: orderId }, { offset: 0, limit: 1 })
  const placed = orders[0]
  if (!placed) return { company: null, company_order: null }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "company", fields: COMPANY_SUMMARY_FIELDS, filters: { id: placed.company_id as string } })
  return { company: pickCompany(data[0] as Row), company_order: placed }
}
