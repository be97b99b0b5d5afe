import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { removeCompanyEmployeeWorkflow } from "../../../../../../workflows/company/workflows/remove-company-employee"
import { updateCompanyEmployeeWorkflow } from "../../../../../../workflows/company/workflows/update-company-employee"
import { customerParam } from "../../../../scope"
import { companyContext, employeeView } from "../../../helpers"
import type { StoreUpdateCompanyEmployeeType } from "../../../validators"

/**
 * POST /store/companies/me/employees/:id (company admins): role and spending
 * limit. The last admin cannot be demoted (409). Another company's employee is 404.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreUpdateCompanyEmployeeType>, res: MedusaResponse) {
  const { result } = await updateCompanyEmployeeWorkflow(req.scope).run({
    input: { ...req.validatedBody, company_id: companyContext(req).company.id, employee_id: customerParam(req, "id") },
  })
  res.json({ employee: employeeView(result as unknown as Record<string, unknown>) })
}

/** DELETE: removes the employee and takes them out of the company's customer group. The last admin stays (409). */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const id = customerParam(req, "id")
  await removeCompanyEmployeeWorkflow(req.scope).run({ input: { company_id: companyContext(req).company.id, employee_id: id } })
  res.json({ id, object: "company_employee", deleted: true })
}
