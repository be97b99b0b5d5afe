import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import { inviteVendorMemberWorkflow } from "../../../workflows/vendor/workflows/invite-vendor-member"
import type { VendorRequest } from "../context"
import { auditContext } from "../../utils/audit"
import { vendorFilters } from "../scope"
import type { VendorCreateInviteType } from "../validators"

const INVITE_FIELDS = ["id", "email", "role", "expires_at", "accepted_at", "invited_by_member_id", "created_at"]

/** GET /vendor/invites: open (not yet accepted) invites. */
export async function GET(req: VendorRequest, res: MedusaResponse) {
  const { offset, limit } = req.validatedQuery as { offset: number; limit: number }
  const service: VendorModuleService = req.scope.resolve(VENDOR_MODULE)
  const [invites, count] = await service.listAndCountVendorInvites(
    { accepted_at: null, ...vendorFilters(req, "vendor_invite") },
    { select: INVITE_FIELDS, skip: offset, take: limit, order: { created_at: "DESC" } }
  )
  res.json({ invites, count, offset, limit })
}

/**
 * POST /vendor/invites {email, role}: the token is in the response (and the
 * invite email) once; only its hash is stored.
 */
export async function POST(req: VendorRequest<VendorCreateInviteType>, res: MedusaResponse) {
  const { member, vendor } = req.vendor_context
  if (req.validatedBody.role === "owner" && member.role !== "owner") {
    throw new MedusaError(MedusaError.Types.FORBIDDEN, "Only an owner can invite an owner.")
  }
  const { result } = await inviteVendorMemberWorkflow(req.scope).run({
    input: { ...req.validatedBody, vendor_id: vendor.id, invited_by_member_id: member.id, audit: auditContext(req) },
  })
  res.status(200).json({ invite: result.invite, token: result.token })
}
