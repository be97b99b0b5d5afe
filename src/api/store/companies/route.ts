import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createCompanyWorkflow } from "../../../workflows/company/workflows/create-company"
import { customerId } from "../scope"
import { readCompany } from "./helpers"
import type { StoreCreateCompanyType } from "./validators"

/**
 * POST /store/companies: the signed-in customer founds a company and is its
 * first admin; a customer group is made for it. A customer already in a
 * company gets 400.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreCreateCompanyType>, res: MedusaResponse) {
  const { result } = await createCompanyWorkflow(req.scope).run({
    input: { customer_id: customerId(req), company: req.validatedBody },
  })
  res.json({ company: await readCompany(req.scope, result.company.id) })
}
