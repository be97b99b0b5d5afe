import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import { createVendorWorkflow } from "../../../workflows/vendor/workflows/create-vendor"
import type { AdminCreateVendorType, AdminListVendorsType } from "./validators"
import { auditContext } from "../../utils/audit"

/** GET /admin/vendors: filter by status, search by name/handle/email. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { offset, limit, q, status, order } = req.validatedQuery as AdminListVendorsType
  const service: VendorModuleService = req.scope.resolve(VENDOR_MODULE)
  const filters: Record<string, unknown> = {}
  if (status) filters.status = Array.isArray(status) ? status : [status]
  if (q) {
    filters.$or = [{ name: { $ilike: `%${q}%` } }, { handle: { $ilike: `%${q}%` } }, { email: { $ilike: `%${q}%` } }]
  }
  const field = order.replace(/^-/, "")
  const [vendors, count] = await service.listAndCountVendors(filters, {
    skip: offset,
    take: limit,
    order: { [field]: order.startsWith("-") ? "DESC" : "ASC" },
  })
  res.json({ vendors, count, offset, limit })
}

/** POST /admin/vendors: the operator creates a vendor, active by default. */
export async function POST(req: AuthenticatedMedusaRequest<AdminCreateVendorType>, res: MedusaResponse) {
  const { owner, ...vendor } = req.validatedBody
  const { result } = await createVendorWorkflow(req.scope).run({ input: { vendor, owner, audit: auditContext(req) } })
  res.status(200).json({ vendor: result.vendor })
}
