import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import { allocateMinor, fromMinor, rawAmount, toMinor } from "../../../lib/money"

export type RefundAllocation = { vendor_order_id: string; amount: number }

/**
 * Money refunded on the order's payment that no vendor order accounts for:
 * a refund made outside Lilium's vendor flows (Medusa Admin's refund
 * button, a native return or claim). It is the payment's refunds minus the
 * vendor orders' refunded totals, in cents, spread over the vendor orders
 * in proportion to what is left of each, so the vendors' ledgers (and so
 * their payouts) carry it. Nothing to do gives [].
 */
export const computeUnattributedRefundsStep = createStep(
  "compute-unattributed-refunds",
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "currency_code", "payment_collections.payments.canceled_at", "payment_collections.payments.refunds.amount"],
      filters: { id: input.order_id },
    })
    const order = data[0]
    if (!order) return new StepResponse([] as RefundAllocation[])
    const currency = order.currency_code
    // In integer minor units (toMinor rounds each amount half-even to an
    // exact integer): sums and differences of integers are exact in JS
    // numbers, and allocateMinor needs integers to split to the cent.
    const refunds = (order.payment_collections ?? [])
      .flatMap((pc) => pc?.payments ?? [])
      .filter((p) => p && !p.canceled_at)
      .flatMap((p) => p?.refunds ?? [])
    const refundedMinor = refunds.reduce((sum, r) => sum + toMinor(rawAmount(r ?? {}, "amount"), currency), 0)

    const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
    const vos = await vendors.listVendorOrders(
      { order_id: input.order_id },
      { select: ["id", "total", "refunded_total"], order: { id: "ASC" } }
    )
    const attributedMinor = vos.reduce((sum, v) => sum + toMinor(rawAmount(v, "refunded_total"), currency), 0)
    const missing = refundedMinor - attributedMinor
    if (missing <= 0 || !vos.length) return new StepResponse([] as RefundAllocation[])

    const left = vos.map((v) => Math.max(0, toMinor(MathBN.sub(rawAmount(v, "total"), rawAmount(v, "refunded_total")), currency)))
    const parts = allocateMinor(
      Math.min(
        missing,
        left.reduce((a, b) => a + b, 0)
      ),
      left
    )
    return new StepResponse(
      vos.map((v, i) => ({ vendor_order_id: v.id, amount: fromMinor(Math.min(parts[i], left[i]), currency) })).filter((a) => a.amount > 0)
    )
  }
)
