import type { BigNumberInput } from "@medusajs/framework/types"
import { BigNumber, MathBN } from "@medusajs/framework/utils"
import { rawAmount, type WithAmount } from "../money"

/**
 * Vendor-order statuses after which the buyer pays nothing for that vendor
 * order, whatever its refunded total says (a void before capture leaves it at 0).
 */
export const RELEASED_VENDOR_ORDER_STATUSES: ReadonlySet<string> = new Set(["rejected", "canceled"])

/** A vendor order as the spend rule reads it (the module's row, with or without its raw columns). */
export type SpendVendorOrder = { order_id: string; status: string } & WithAmount<"total"> & WithAmount<"refunded_total">

/**
 * What a vendor order gave back to the buyer: its whole total once rejected
 * or canceled, else its refunded total (capped at its total, as the refund
 * gate keeps it).
 */
export function returnedToBuyer(vo: SpendVendorOrder): BigNumberInput {
  const total = rawAmount(vo, "total")
  return RELEASED_VENDOR_ORDER_STATUSES.has(vo.status) ? total : MathBN.min(rawAmount(vo, "refunded_total"), total)
}

/** Per order id, what its vendor orders gave back to the buyer (orders with no vendor order are absent). */
export function returnedByOrder(vendorOrders: SpendVendorOrder[]): Map<string, BigNumberInput> {
  const out = new Map<string, BigNumberInput>()
  for (const vo of vendorOrders) out.set(vo.order_id, MathBN.add(out.get(vo.order_id) ?? 0, returnedToBuyer(vo)))
  return out
}

/** An order's net spend: its total at placement minus what came back, never below 0. */
export function netSpend(total: BigNumberInput, returned: BigNumberInput | undefined): BigNumber {
  return new BigNumber(MathBN.max(MathBN.sub(total, returned ?? 0), 0))
}
