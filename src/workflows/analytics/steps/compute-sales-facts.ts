import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import { LEDGER_MODULE } from "../../../modules/ledger"
import type LedgerModuleService from "../../../modules/ledger/service"
import { COMMISSION_MODULE } from "../../../modules/commission"
import type CommissionModuleService from "../../../modules/commission/service"
import { allocateMinor, allocateRounded, toMinor } from "../../../lib/money"
import type { FactRow } from "../../../modules/analytics/types"

const num = (v: any) => MathBN.convert(v ?? 0)

/**
 * The fact rows of some vendor orders, from the source: the vendor order
 * and its lines, its ledger rows (what was sold, refunded and charged, in
 * cents), its commission lines, Medusa's returned quantities and the
 * products' category and collection. Vendor-order amounts are spread over
 * its lines by largest remainder, so lines always add up to the ledger:
 * - total: the ledger's sale, in proportion to Medusa's exact line totals;
 * - refunded: returned items first (line total × returned ÷ quantity, as the
 *   return refunded them), the rest (rejection, cancellation, operator
 *   refunds) in proportion to what is left of each line;
 * - commission: the ledger's net commission, in proportion to each line's
 *   own commission scaled by what is left of the line.
 */
export async function computeSalesFacts(container: MedusaContainer, vendorOrderIds: string[]): Promise<FactRow[]> {
  if (!vendorOrderIds.length) return []
  const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
  const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
  const commission: CommissionModuleService = container.resolve(COMMISSION_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const vos = await vendors.listVendorOrders({ id: vendorOrderIds }, { relations: ["items", "shipping_methods"] })
  if (!vos.length) return []
  const orderIds = [...new Set(vos.map((v) => v.order_id))]
  const [siblings, postings, lines] = await Promise.all([
    vendors.listVendorOrders({ order_id: orderIds }, { select: ["id", "order_id"] }),
    ledger.listVendorTransactions({ vendor_order_id: vos.map((v) => v.id) }, { select: ["vendor_order_id", "type", "amount"] }),
    commission.listCommissionLines({ vendor_order_id: vos.map((v) => v.id) }, { select: ["vendor_order_id", "reference_id", "amount"] }),
  ])
  // The order's head vendor order (smallest id) carries the order's count.
  const headVendorOrder = new Map<string, string>()
  for (const s of siblings)
    if (!headVendorOrder.has(s.order_id) || s.id < headVendorOrder.get(s.order_id)!) headVendorOrder.set(s.order_id, s.id)

  const productIds = [...new Set(vos.flatMap((v) => v.items.map((i) => i.product_id).filter(Boolean) as string[]))]
  const refundedOrders = vos.filter((v) => num(v.refunded_total).gt(0)).map((v) => v.order_id)
  const [{ data: products }, { data: orders }] = await Promise.all([
    productIds.length
      ? query.graph({ entity: "product", fields: ["id", "collection_id", "categories.id"], filters: { id: productIds } })
      : Promise.resolve({ data: [] as any[] }),
    refundedOrders.length
      ? query.graph({
          entity: "order",
          fields: ["id", "items.id", "items.detail.return_received_quantity"],
          filters: { id: refundedOrders },
        })
      : Promise.resolve({ data: [] as any[] }),
  ])
  const productOf = new Map(products.map((p: any) => [p.id, p]))
  const returned = new Map<string, number>()
  for (const o of orders as any[])
    for (const i of o.items ?? []) returned.set(i.id, MathBN.convert(i.detail?.return_received_quantity ?? 0).toNumber())

  const commissionOf = new Map(lines.map((c) => [`${c.vendor_order_id}:${c.reference_id}`, c.amount as any]))
  const postingsOf = new Map<string, typeof postings>()
  for (const p of postings) postingsOf.set(p.vendor_order_id!, [...(postingsOf.get(p.vendor_order_id!) ?? []), p])

  const rows: FactRow[] = []
  for (const vo of vos) {
    const cur = vo.currency_code
    const sums = { sale: 0, refund: 0, commission: 0, commission_reversal: 0, has: false }
    for (const p of postingsOf.get(vo.id) ?? []) {
      if (p.type in sums) (sums as any)[p.type] += toMinor(p.amount as any, cur)
      if (p.type === "sale") sums.has = true
    }
    const items = [...vo.items].sort((a, b) => a.id.localeCompare(b.id))
    const shipping = [...vo.shipping_methods].sort((a, b) => a.id.localeCompare(b.id))
    const all = [
      ...items.map((i) => ({
        kind: "item" as const,
        id: i.id,
        ref: i.line_item_id,
        total: num((i as any).raw_total ?? i.total),
        discount: num((i as any).raw_discount_total ?? i.discount_total),
        tax: num((i as any).raw_tax_total ?? i.tax_total),
        quantity: num(i.quantity).toNumber(),
        item: i,
      })),
      ...shipping.map((s) => ({
        kind: "shipping" as const,
        id: s.id,
        ref: s.shipping_method_id,
        total: num((s as any).raw_total ?? s.total),
        discount: num((s as any).raw_discount_total ?? s.discount_total),
        tax: num((s as any).raw_tax_total ?? s.tax_total),
        quantity: 0,
        item: null as any,
      })),
    ]
    if (!all.length) continue
    const saleMinor = sums.has
      ? sums.sale
      : toMinor(
          all.reduce((a, l) => a.plus(l.total), MathBN.convert(0)),
          cur
        )
    const totals = allocateMinor(
      saleMinor,
      all.map((l) => l.total)
    )
    const discounts = allocateRounded(
      all.map((l) => l.discount),
      cur
    ).map((d) => toMinor(d, cur))
    const taxes = allocateRounded(
      all.map((l) => l.tax),
      cur
    ).map((t) => toMinor(t, cur))

    // Refunds: returned items first, then the rest in proportion to what is left.
    const refundedMinor = Math.min(-sums.refund, saleMinor)
    const returnedQty = all.map((l) => (l.kind === "item" ? Math.min(returned.get(l.ref) ?? 0, l.quantity) : 0))
    let returnShares = all.map((l, i) =>
      l.quantity ? MathBN.convert(totals[i]).times(returnedQty[i]).div(l.quantity).decimalPlaces(0, 6).toNumber() : 0
    )
    const returnSum = returnShares.reduce((a, b) => a + b, 0)
    if (returnSum > refundedMinor) returnShares = allocateMinor(refundedMinor, returnShares)
    const rest = refundedMinor - Math.min(returnSum, refundedMinor)
    const restShares = allocateMinor(
      rest,
      all.map((_, i) => totals[i] - returnShares[i])
    )
    const refunds = all.map((_, i) => returnShares[i] + restShares[i])

    // Commission: the ledger's net, by each line's own commission and what is left of the line.
    const netCommission = -(sums.commission + sums.commission_reversal)
    const own = all.map((l) => toMinor(commissionOf.get(`${vo.id}:${l.ref}`) ?? 0, cur))
    const kept = all.map((_, i) =>
      totals[i]
        ? MathBN.convert(own[i])
            .times(totals[i] - refunds[i])
            .div(totals[i])
        : MathBN.convert(0)
    )
    const weights = kept.some((k) => !k.isZero()) ? kept : own.some((o) => o) ? own : totals
    const commissions = allocateMinor(netCommission, weights)

    const hasReturn = returnedQty.some((q) => q > 0)
    const voHead = all[0].id
    all.forEach((l, i) => {
      const product = l.item?.product_id ? (productOf.get(l.item.product_id) as any) : null
      const categories = ((product?.categories ?? []) as { id: string }[]).map((c) => c.id).sort()
      rows.push({
        line_key: l.id,
        line_type: l.kind,
        order_id: vo.order_id,
        vendor_order_id: vo.id,
        vendor_id: (vo as any).vendor_id,
        product_id: l.item?.product_id ?? null,
        variant_id: l.item?.variant_id ?? null,
        category_id: categories[0] ?? null,
        collection_id: product?.collection_id ?? null,
        customer_id: vo.customer_id ?? null,
        // Buyer companies arrive with the B2B companies issue.
        company_id: null,
        currency_code: cur,
        vendor_order_status: vo.status,
        is_order_head: l.id === voHead && headVendorOrder.get(vo.order_id) === vo.id,
        is_vendor_order_head: l.id === voHead,
        quantity: l.quantity,
        returned_quantity: returnedQty[i],
        has_return: hasReturn,
        total_minor: totals[i],
        discount_minor: discounts[i],
        tax_minor: taxes[i],
        refunded_minor: refunds[i],
        commission_minor: commissions[i],
        placed_at: new Date(vo.created_at as any),
        accepted_at: vo.accepted_at ? new Date(vo.accepted_at as any) : null,
        shipped_at: vo.shipped_at ? new Date(vo.shipped_at as any) : null,
        delivered_at: vo.delivered_at ? new Date(vo.delivered_at as any) : null,
        canceled_at: (vo.canceled_at ?? vo.rejected_at) ? new Date((vo.canceled_at ?? vo.rejected_at) as any) : null,
      })
    })
  }
  return rows
}

/** Step form of computeSalesFacts (a read: nothing to compensate). */
export const computeSalesFactsStep = createStep("compute-sales-facts", async (input: { vendor_order_ids: string[] }, { container }) => {
  return new StepResponse(await computeSalesFacts(container, input.vendor_order_ids))
})
