import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { revokeCompanyInviteWorkflow } from "../../../../../../workflows/company/workflows/revoke-company-invite"
import { customerParam } from "../../../../scope"
import { companyContext } from "../../../helpers"

/** DELETE /store/companies/me/invites/:id (company admins): withdraws an open invite; an accepted one is 409. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const id = customerParam(req, "id")
  await revokeCompanyInviteWorkflow(req.scope).run({ input: { company_id: companyContext(req).company.id, invite_id: id } })
  res.json({ id, object: "company_invite", deleted: true })
}
