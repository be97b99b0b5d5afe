import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { VENDOR_MODULE } from "../../../../modules/vendor"
import type VendorModuleService from "../../../../modules/vendor/service"
import { PUBLIC_VENDOR_FIELDS } from "../query-config"

/** GET /store/vendors/:handle: an active vendor's public profile. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const service: VendorModuleService = req.scope.resolve(VENDOR_MODULE)
  const [vendor] = await service.listVendors({ handle: req.params.handle, status: "active" }, { select: [...PUBLIC_VENDOR_FIELDS] })
  if (!vendor) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Vendor ${req.params.handle} was not found.`)
  res.json({ vendor })
}
