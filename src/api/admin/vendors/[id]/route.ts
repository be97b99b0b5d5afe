import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateVendorWorkflow } from "../../../../workflows/vendor/workflows/update-vendor"
import { deleteVendorWorkflow } from "../../../../workflows/vendor/workflows/delete-vendor"
import type { AdminUpdateVendorType } from "../validators"
import { auditContext } from "../../../utils/audit"
import { retrieveVendorForAdmin, vendorDetailForAdmin } from "../helpers"

/** GET /admin/vendors/:id: the vendor with its members and selling set-up. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ vendor: await vendorDetailForAdmin(req.scope, req.params.id) })
}

/** POST /admin/vendors/:id: update the profile. */
export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateVendorType>, res: MedusaResponse) {
  await retrieveVendorForAdmin(req.scope, req.params.id)
  await updateVendorWorkflow(req.scope).run({
    input: { id: req.params.id, update: req.validatedBody, audit: auditContext(req) },
  })
  res.json({ vendor: await vendorDetailForAdmin(req.scope, req.params.id) })
}

/** DELETE /admin/vendors/:id: soft-deletes a vendor that is not active (409 otherwise). */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await retrieveVendorForAdmin(req.scope, req.params.id)
  await deleteVendorWorkflow(req.scope).run({ input: { vendor_id: req.params.id, audit: auditContext(req) } })
  res.json({ id: req.params.id, object: "vendor", deleted: true })
}
