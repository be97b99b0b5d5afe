import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { returnedByOrder, type SpendVendorOrder } from "../lib/company-spend"
import { VENDOR_MODULE } from "../modules/vendor"
import type VendorModuleService from "../modules/vendor/service"

/** One query's worth of order ids (an IN list PostgreSQL plans well). */
const CHUNK = 1000

const FIELDS = ["id", "order_id", "vendor_id", "status", "total", "raw_total", "refunded_total", "raw_refunded_total"]

export type SpendVendorOrderRow = SpendVendorOrder & { id: string; vendor_id: string }

/**
 * The vendor orders of some master orders, with what the company-spend rule
 * (src/lib/company-spend) reads: status, total, refunded total, vendor.
 * One query per CHUNK orders. Shared by spending limits, the operator's
 * company spend and the company's own spend report.
 */
export async function vendorOrdersOfOrders(container: MedusaContainer, orderIds: string[]): Promise<SpendVendorOrderRow[]> {
  const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
  const out: SpendVendorOrderRow[] = []
  for (let i = 0; i < orderIds.length; i += CHUNK) {
    const rows = await vendors.listVendorOrders({ order_id: orderIds.slice(i, i + CHUNK) }, { select: FIELDS as never })
    out.push(...(rows as unknown as SpendVendorOrderRow[]))
  }
  return out
}

/** Per master order id, what its vendor orders gave back to the buyer (the company-spend rule). */
export async function returnedForOrders(container: MedusaContainer, orderIds: string[]): Promise<Map<string, BigNumberInput>> {
  if (!orderIds.length) return new Map()
  return returnedByOrder(await vendorOrdersOfOrders(container, orderIds))
}
