import type { MedusaResponse } from "@medusajs/framework/http"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import type { VendorRequest } from "../context"
import { vendorFilters } from "../scope"

/** GET /vendor/members: the caller's vendor's members. */
export async function GET(req: VendorRequest, res: MedusaResponse) {
  const { offset, limit } = req.validatedQuery as { offset: number; limit: number }
  const service: VendorModuleService = req.scope.resolve(VENDOR_MODULE)
  const [members, count] = await service.listAndCountVendorMembers(vendorFilters(req, "vendor_member"), {
    skip: offset,
    take: limit,
    order: { created_at: "ASC" },
  })
  res.json({ members, count, offset, limit })
}
