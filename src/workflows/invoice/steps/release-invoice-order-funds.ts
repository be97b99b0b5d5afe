import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LEDGER_MODULE } from "../../../modules/ledger"
import type LedgerModuleService from "../../../modules/ledger/service"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import { availableAfterDelivery } from "../../../utils/payout-hold"

/**
 * Once an invoice is paid, the vendor orders of its order that are
 * delivered get their held ledger rows released (releaseVendorOrderFundsStep
 * skipped them while the invoice was open), available at the later of
 * delivery + the hold and now. Vendor orders delivered later are released
 * by their delivery as usual. Compensation removes the releases it made.
 */
export const releaseInvoiceOrderFundsStep = createStep(
  "release-invoice-order-funds",
  async (input: { order_id: string }, { container }) => {
    const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
    const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
    const delivered = await vendors.listVendorOrders({ order_id: input.order_id, status: "delivered" }, { select: ["id", "delivered_at"] })
    const now = Date.now()
    const released: string[] = []
    for (const vo of delivered) {
      if (!vo.delivered_at) continue
      const at = new Date(Math.max(availableAfterDelivery(vo.delivered_at).getTime(), now))
      released.push(...(await ledger.releaseVendorOrder(vo.id, at)))
    }
    return new StepResponse(released, released)
  },
  async (released, { container }) => {
    if (!released?.length) return
    const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
    await ledger.softDeleteVendorTransactionReleases(released)
  }
)
