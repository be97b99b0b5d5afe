import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/** GET /admin/customers/:id/vendors: the vendors this customer has bought from (linked at each split). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "vendors.id", "vendors.name", "vendors.handle", "vendors.status"],
    filters: { id: req.params.id },
  })
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${req.params.id} was not found`)
  const vendors = (data[0].vendors ?? []).filter((v) => !!v).sort((a, b) => a.name.localeCompare(b.name))
  res.json({ vendors })
}
