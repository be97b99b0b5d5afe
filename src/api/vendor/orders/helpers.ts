import type { MedusaResponse } from "@medusajs/framework/http"
import type { VendorRequest } from "../context"
import type { VendorOrderActor } from "../../../workflows/vendor-order/types"
import { retrieveVendorOrderDetail } from "../../utils/vendor-orders"
import { scopedParam, vendorFilters } from "../scope"

/** The calling member, as the actor recorded in the vendor order's history. */
export const vendorActor = (req: VendorRequest): VendorOrderActor => ({ type: "vendor", id: req.vendor_context.member.id })

/**
 * A vendor-order action route: the action (the vendor order in the path was
 * proven the caller's by scopeVendorParams), then the vendor order as it is now.
 */
export function vendorOrderAction<Body>(action: (req: VendorRequest<Body>) => Promise<unknown>) {
  return async (req: VendorRequest<Body>, res: MedusaResponse) => {
    const id = scopedParam(req, "id")
    await action(req)
    res.json({ vendor_order: await retrieveVendorOrderDetail(req.scope, id, vendorFilters(req, "vendor_order")) })
  }
}
