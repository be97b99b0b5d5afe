import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MathBN } from "@medusajs/framework/utils"
import { periodStart } from "../../../../lib/spending-period"
import { COMPANY_MODULE } from "../../../../modules/company"
import type CompanyModuleService from "../../../../modules/company/service"
import { employeeSpending } from "../../../../utils/employee-spending"
import { updateCompanyProfileWorkflow } from "../../../../workflows/company/workflows/update-company-profile"
import { approvalSettingsView, companyContext, companyView } from "../helpers"
import type { StoreUpdateCompanyType } from "../validators"

/**
 * GET /store/companies/me: the caller's company and their own employee record
 * (404 when in no company), the company's approval rule, and, for an employee
 * with a weekly or monthly limit, what they have spent in the current period
 * (placed orders minus refunds) and what is left: the same numbers the
 * checkout compares with the limit.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { company, employee } = companyContext(req)
  const companies: CompanyModuleService = req.scope.resolve(COMPANY_MODULE)
  const [settings] = await companies.listCompanyApprovalSettings({ company_id: company.id }, { take: 1 })
  const since =
    employee.spending_limit !== null && employee.spending_period ? periodStart(employee.spending_period, String(company.timezone)) : null
  let spending: Record<string, unknown> | null = null
  if (since && employee.spending_limit !== null) {
    const spent = await employeeSpending(req.scope, { employee_id: employee.id, since, currency_code: company.currency_code })
    spending = {
      period_start: since.toISOString(),
      spent: spent.numeric,
      remaining: Number(MathBN.max(MathBN.sub(employee.spending_limit, spent), 0).toString()),
      currency_code: company.currency_code,
    }
  }
  res.json({
    company,
    employee: {
      id: employee.id,
      role: employee.role,
      spending_limit: employee.spending_limit,
      spending_period: employee.spending_period,
      spending,
    },
    approval_settings: approvalSettingsView(settings as unknown as Record<string, unknown>),
  })
}

/**
 * POST /store/companies/me (company admins): the company's name, e-mail,
 * phone, tax id and time zone (where its weeks and months of spending start).
 * Status, payment terms and credit limit are the operator's.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreUpdateCompanyType>, res: MedusaResponse) {
  const { company } = companyContext(req)
  const { result } = await updateCompanyProfileWorkflow(req.scope).run({
    input: { ...req.validatedBody, id: company.id, customer_group_id: company.customer_group_id },
  })
  res.json({ company: companyView(result as unknown as Record<string, unknown>) })
}
