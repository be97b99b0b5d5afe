import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"

/** The fields of a vendor that anyone may see. */
export const PUBLIC_VENDOR_FIELDS = ["id", "handle", "name", "description", "logo_url", "created_at"] as const

/** GET /store/vendors: active vendors, public fields only. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { offset, limit, q } = req.validatedQuery as { offset: number; limit: number; q?: string }
  const service: VendorModuleService = req.scope.resolve(VENDOR_MODULE)
  const filters: Record<string, unknown> = { status: "active" }
  if (q) filters.name = { $ilike: `%${q}%` }
  const [vendors, count] = await service.listAndCountVendors(filters, {
    select: [...PUBLIC_VENDOR_FIELDS],
    skip: offset,
    take: limit,
    order: { name: "ASC" },
  })
  res.json({ vendors, count, offset, limit })
}
