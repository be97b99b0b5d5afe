import type { MedusaResponse } from "@medusajs/framework/http"
import { removeVendorMemberWorkflow } from "../../../../workflows/vendor/workflows/remove-vendor-member"
import { updateVendorMemberRoleWorkflow } from "../../../../workflows/vendor/workflows/update-vendor-member-role"
import type { VendorRequest } from "../../context"
import { auditContext } from "../../../utils/audit"
import type { VendorUpdateMemberType } from "../../validators"
import { scopedParam } from "../../scope"

/** POST /vendor/members/:id {role}: change a member's role (owner, admin). */
export async function POST(req: VendorRequest<VendorUpdateMemberType>, res: MedusaResponse) {
  const { result } = await updateVendorMemberRoleWorkflow(req.scope).run({
    input: {
      vendor_id: req.vendor_context.vendor.id,
      member_id: scopedParam(req, "id"),
      actor_role: req.vendor_context.member.role,
      audit: auditContext(req),
      new_role: req.validatedBody.role,
    },
  })
  res.json({ member: result })
}

/** DELETE /vendor/members/:id: remove a member (never the last owner). */
export async function DELETE(req: VendorRequest, res: MedusaResponse) {
  await removeVendorMemberWorkflow(req.scope).run({
    input: {
      vendor_id: req.vendor_context.vendor.id,
      member_id: scopedParam(req, "id"),
      actor_role: req.vendor_context.member.role,
      audit: auditContext(req),
    },
  })
  res.json({ id: scopedParam(req, "id"), object: "vendor_member", deleted: true })
}
