import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import { PUBLIC_VENDOR_FIELDS } from "./query-config"
import type { StoreListVendorsType } from "./validators"

/** GET /store/vendors: active vendors, public fields only. */
export async function GET(req: MedusaRequest<unknown, StoreListVendorsType>, res: MedusaResponse) {
  const { offset, limit, q } = req.validatedQuery
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
