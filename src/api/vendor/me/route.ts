import type { MedusaResponse } from "@medusajs/framework/http"
import { updateVendorWorkflow } from "../../../workflows/vendor/workflows/update-vendor"
import type { VendorRequest } from "../context"
import { auditContext } from "../../utils/audit"
import type { VendorUpdateMeType } from "../validators"

/** GET /vendor/me: the calling member and its vendor. */
export async function GET(req: VendorRequest, res: MedusaResponse) {
  const { member, vendor } = req.vendor_context
  res.json({ member, vendor })
}

/** POST /vendor/me: update the vendor's profile (owner and admin). */
export async function POST(req: VendorRequest<VendorUpdateMeType>, res: MedusaResponse) {
  const { result } = await updateVendorWorkflow(req.scope).run({
    input: { id: req.vendor_context.vendor.id, update: req.validatedBody, audit: auditContext(req) },
  })
  res.json({ vendor: result })
}
