import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { DATE_ONLY, localMidnight, resolveRange } from "../../../../../modules/analytics/range"
import { COMPANY_MODULE } from "../../../../../modules/company"
import type CompanyModuleService from "../../../../../modules/company/service"
import { VENDOR_MODULE } from "../../../../../modules/vendor"
import type VendorModuleService from "../../../../../modules/vendor/service"
import { vendorOrdersOfOrders } from "../../../../../utils/company-spend-reads"
import { monthIn, spendReport } from "./report"
import type { StoreCompanySpendParamsType } from "./validators"

/** The longest range one request may cover (as analytics). */
const MAX_RANGE_DAYS = 3 * 366

/**
 * [from, to) in the company's zone. Without `from`: the start of the month
 * eleven months before the month of `to` (twelve calendar months). Without
 * `to`: now.
 */
export function spendRange(q: StoreCompanySpendParamsType, timeZone: string, now = new Date()) {
  const given = resolveRange({ ...q, tz: timeZone }, now)
  const to = q.to ? given.to : now
  let from = given.from
  if (!q.from) {
    const [y, m] = monthIn(new Date(to.getTime() - 1), timeZone)
      .split("-")
      .map(Number)
    const back = new Date(Date.UTC(y, m - 1 - 11, 1))
    from = localMidnight(back.toISOString().slice(0, 10), timeZone)
  }
  if (from >= to) throw new MedusaError(MedusaError.Types.INVALID_DATA, "from must be before to")
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `the range may cover at most ${MAX_RANGE_DAYS} days`)
  }
  return { from, to }
}

export type SpendCompany = { id: string; currency_code: string; timezone: string }

/**
 * A company's spend over a range: its orders (company_order, in the
 * company's currency, placed in the range), their vendor orders, then the
 * report (./report.ts) with vendor names and employees' names and e-mails
 * (employees who left included: their orders stay the company's).
 */
export async function companySpend(scope: MedusaContainer, company: SpendCompany, q: StoreCompanySpendParamsType) {
  if (q.from && !DATE_ONLY.test(q.from) && q.to && !DATE_ONLY.test(q.to) && Date.parse(q.from) >= Date.parse(q.to)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "from must be before to")
  }
  const { from, to } = spendRange(q, company.timezone)
  const companies: CompanyModuleService = scope.resolve(COMPANY_MODULE)
  const vendors: VendorModuleService = scope.resolve(VENDOR_MODULE)
  const orders = await companies.listCompanyOrders(
    { company_id: company.id, currency_code: company.currency_code, placed_at: { $gte: from, $lt: to } },
    { select: ["order_id", "employee_id", "total", "raw_total", "placed_at"] as never }
  )
  const vendorOrders = await vendorOrdersOfOrders(
    scope,
    orders.map((o) => o.order_id)
  )
  const report = spendReport({
    currency_code: company.currency_code,
    timezone: company.timezone,
    from,
    to,
    orders,
    vendor_orders: vendorOrders,
  })

  const vendorIds = report.by_vendor.map((v) => v.id)
  const employeeIds = report.by_employee.map((e) => e.id)
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const [vendorRows, employeeRows] = await Promise.all([
    vendorIds.length ? vendors.listVendors({ id: vendorIds }, { select: ["id", "name", "handle"], withDeleted: true }) : [],
    employeeIds.length
      ? query
          .graph({
            entity: "company_employee",
            fields: ["id", "role", "customer_id", "deleted_at", "customer.email", "customer.first_name", "customer.last_name"],
            filters: { id: employeeIds },
            withDeleted: true,
          })
          .then((r) => r.data)
      : [],
  ])
  const vendorOf = new Map(vendorRows.map((v) => [v.id, v] as const))
  const employeeOf = new Map(employeeRows.map((e) => [e.id as string, e] as const))
  return {
    currency_code: company.currency_code,
    timezone: company.timezone,
    from,
    to,
    total: report.total,
    by_period: report.by_period,
    by_vendor: report.by_vendor.map(({ id, ...f }) => {
      const v = vendorOf.get(id)
      return { vendor: { id, name: v?.name ?? null, handle: v?.handle ?? null }, ...f }
    }),
    by_employee: report.by_employee.map(({ id, ...f }) => {
      const e = employeeOf.get(id)
      const c = e?.customer
      return {
        employee: {
          id,
          customer_id: e?.customer_id ?? null,
          email: c?.email ?? null,
          first_name: c?.first_name ?? null,
          last_name: c?.last_name ?? null,
          removed: !!e?.deleted_at,
        },
        ...f,
      }
    }),
  }
}
