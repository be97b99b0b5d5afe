import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { updateVendorWorkflow } from "../../../../workflows/vendor/workflows/update-vendor"
import { deleteVendorWorkflow } from "../../../../workflows/vendor/workflows/delete-vendor"
import type { AdminUpdateVendorType } from "../validators"
import { auditContext } from "../../../utils/audit"

export async function retrieveVendorForAdmin(req: AuthenticatedMedusaRequest, id: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "vendor",
    fields: ["*", "members.*", "stock_locations.id", "stock_locations.name", "shipping_profile.id"],
    filters: { id },
  })
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Vendor ${id} was not found.`)
  return data[0]
}

/** GET /admin/vendors/:id: the vendor with its members and selling set-up. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ vendor: await retrieveVendorForAdmin(req, req.params.id) })
}

/** POST /admin/vendors/:id: update the profile. */
export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateVendorType>, res: MedusaResponse) {
  await retrieveVendorForAdmin(req, req.params.id)
  await updateVendorWorkflow(req.scope).run({
    input: { id: req.params.id, update: req.validatedBody, audit: auditContext(req) },
  })
  res.json({ vendor: await retrieveVendorForAdmin(req, req.params.id) })
}

/** DELETE /admin/vendors/:id: soft-deletes a vendor that is not active (409 otherwise). */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await retrieveVendorForAdmin(req, req.params.id)
  await deleteVendorWorkflow(req.scope).run({ input: { vendor_id: req.params.id, audit: auditContext(req) } })
  res.json({ id: req.params.id, object: "vendor", deleted: true })
}
