import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LEDGER_MODULE } from "../../../modules/ledger"
import type LedgerModuleService from "../../../modules/ledger/service"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import { availableAfterDelivery } from "../../../utils/payout-hold"
import { invoiceHoldsOrder } from "../../../utils/invoice-reads"

/**
 * Once a vendor order is delivered, its pending ledger rows (sale,
 * commission, and any reversals) become available at delivery + the hold
 * period, through append-only release rows. Does nothing before delivery,
 * nor while the order's invoice is open (issue 19): the company has not
 * paid, so the vendor's money waits; mark-invoice-paid releases it then (at
 * the later of delivery + hold and the payment). Runs under the order's
 * payment lock, which mark-invoice-paid holds too.
 */
export const releaseVendorOrderFundsStep = createStep(
  "release-vendor-order-funds",
  async (input: { vendor_order_id: string }, { container }) => {
    const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
    const vo = await vendors.retrieveVendorOrder(input.vendor_order_id)
    if (vo.status !== "delivered" || !vo.delivered_at) return new StepResponse([] as string[])
    if (await invoiceHoldsOrder(container, vo.order_id as string)) return new StepResponse([] as string[])
    const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
    return new StepResponse(await ledger.releaseVendorOrder(vo.id, availableAfterDelivery(vo.delivered_at)))
  }
)
