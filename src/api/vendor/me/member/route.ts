import type { MedusaResponse } from "@medusajs/framework/http"
import { updateVendorMemberProfileWorkflow } from "../../../../workflows/vendor/workflows/update-vendor-member-profile"
import type { VendorRequest } from "../../context"
import type { VendorUpdateOwnMemberType } from "../validators"

/**
 * POST /vendor/me/member: the signed-in member sets their own first/last
 * name and phone number (any role, also while the vendor is not active: it
 * is their own contact detail, not a change to the vendor). Always the
 * caller: the body carries no member id. Answers the member as GET /vendor/me.
 */
export async function POST(req: VendorRequest<VendorUpdateOwnMemberType>, res: MedusaResponse) {
  const { member, vendor } = req.vendor_context
  const { result } = await updateVendorMemberProfileWorkflow(req.scope).run({
    input: { ...req.validatedBody, id: member.id, vendor_id: vendor.id },
  })
  res.json({
    member: {
      id: result.id,
      email: result.email,
      role: result.role,
      first_name: result.first_name,
      last_name: result.last_name,
      phone: result.phone,
    },
  })
}
