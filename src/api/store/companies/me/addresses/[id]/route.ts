import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteCompanyAddressWorkflow } from "../../../../../../workflows/company/workflows/delete-company-address"
import { saveCompanyAddressWorkflow } from "../../../../../../workflows/company/workflows/save-company-address"
import { customerParam } from "../../../../scope"
import { addressColumns, addressView, companyContext } from "../../../helpers"
import type { StoreUpdateCompanyAddressType } from "../../../validators"

/** POST /store/companies/me/addresses/:id (company admins): changes the address. */
export async function POST(req: AuthenticatedMedusaRequest<StoreUpdateCompanyAddressType>, res: MedusaResponse) {
  const { result } = await saveCompanyAddressWorkflow(req.scope).run({
    input: { company_id: companyContext(req).company.id, address_id: customerParam(req, "id"), data: addressColumns(req.validatedBody) },
  })
  res.json({ address: addressView(result as unknown as Record<string, unknown>) })
}

/** DELETE /store/companies/me/addresses/:id (company admins). */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const id = customerParam(req, "id")
  await deleteCompanyAddressWorkflow(req.scope).run({ input: { company_id: companyContext(req).company.id, address_id: id } })
  res.json({ id, object: "company_address", deleted: true })
}
