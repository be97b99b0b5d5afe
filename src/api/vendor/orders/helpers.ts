import type { MedusaResponse } from "@medusajs/framework/http"
import type { VendorRequest } from "../context"
import type { VendorOrderActor } from "../../../workflows/vendor-order/types"
import { assertVendorOrderExists, retrieveVendorOrderDetail } from "../../utils/vendor-orders"

/** The calling member, as the actor recorded in the vendor order's history. */
export const vendorActor = (req: VendorRequest): VendorOrderActor => ({ type: "vendor", id: req.vendor_context.member.id })

/**
 * A vendor-order action route: 404 unless the vendor order is the caller's,
 * then the action, then the vendor order as it is now.
 */
export function vendorOrderAction<Body>(action: (req: VendorRequest<Body>) => Promise<unknown>) {
  return async (req: VendorRequest<Body>, res: MedusaResponse) => {
    const scope = { vendor_id: req.vendor_context.vendor.id }
    await assertVendorOrderExists(req.scope, req.params.id, scope)
    await action(req)
    res.json({ vendor_order: await retrieveVendorOrderDetail(req.scope, req.params.id, scope) })
  }
}
