import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BigNumber, MathBN } from "@medusajs/framework/utils"
import { LEDGER_MODULE } from "../../../modules/ledger"
import type LedgerModuleService from "../../../modules/ledger/service"
import { refundPostings } from "../../../modules/ledger/postings"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import { availableAfterDelivery } from "../../../utils/payout-hold"
import type { RefundAllocation } from "./compute-unattributed-refunds"

/**
 * Adds each allocation to its vendor order's refunded_total and posts the
 * refund and the proportional commission reversal to the vendor's ledger,
 * exactly as a vendor-initiated refund does (refundPostings; keys per
 * refunded total, so a retry posts nothing twice). Compensation restores
 * the refunded totals.
 */
export const attributeOrderRefundsStep = createStep(
  "attribute-order-refunds",
  async (input: { allocations: RefundAllocation[] }, { container }) => {
    const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
    const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
    const previous: { id: string; refunded_total: any }[] = []
    for (const a of input.allocations) {
      const vo: any = await vendors.retrieveVendorOrder(a.vendor_order_id)
      const before = vo.raw_refunded_total ?? vo.refunded_total ?? 0
      previous.push({ id: vo.id, refunded_total: before })
      const refunded = new BigNumber(MathBN.add(before, a.amount))
      await vendors.updateVendorOrders({ id: vo.id, refunded_total: refunded } as any)
      const sums = await ledger.sumsForVendorOrder(vo.id)
      await ledger.post(
        refundPostings(
          {
            id: vo.id,
            vendor_id: vo.vendor_id,
            order_id: vo.order_id,
            currency_code: vo.currency_code,
            total: vo.raw_total ?? vo.total,
            commission_total: vo.raw_commission_total ?? vo.commission_total,
            refunded_total: refunded,
          },
          sums,
          a.amount,
          vo.delivered_at ? availableAfterDelivery(vo.delivered_at) : null
        )
      )
    }
    return new StepResponse(input.allocations, previous)
  },
  async (previous, { container }) => {
    if (!previous?.length) return
    const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
    await vendors.updateVendorOrders(previous.map((p) => ({ id: p.id, refunded_total: p.refunded_total })) as any)
  }
)
