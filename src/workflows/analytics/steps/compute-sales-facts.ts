import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import { LEDGER_MODULE } from "../../../modules/ledger"
import type LedgerModuleService from "../../../modules/ledger/service"
import { COMMISSION_MODULE } from "../../../modules/commission"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import type CommissionModuleService from "../../../modules/commission/service"
import { salesFactRows, type SalesFactSources } from "../../../modules/analytics/sales-facts"
import type { FactRow } from "../../../modules/analytics/types"

/**
 * The fact rows of some vendor orders, from the source: loads the vendor
 * orders and their lines, their ledger rows, their commission lines,
 * Medusa's returned quantities, the products' category and collection and
 * the buying company of each master order (company_order), and hands them to salesFactRows (src/modules/analytics/sales-facts.ts),
 * which computes the facts.
 */
export async function computeSalesFacts(container: MedusaContainer, vendorOrderIds: string[]): Promise<FactRow[]> {
  if (!vendorOrderIds.length) return []
  const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
  const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
  const commission: CommissionModuleService = container.resolve(COMMISSION_MODULE)
  const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const vendorOrders = await vendors.listVendorOrders({ id: vendorOrderIds }, { relations: ["items", "shipping_methods"] })
  if (!vendorOrders.length) return []
  const orderIds = [...new Set(vendorOrders.map((v) => v.order_id))]
  const ids = vendorOrders.map((v) => v.id)
  const [siblings, postings, commissionLines, companyOrders] = await Promise.all([
    vendors.listVendorOrders({ order_id: orderIds }, { select: ["id", "order_id"] }),
    ledger.listVendorTransactions({ vendor_order_id: ids }, { select: ["vendor_order_id", "type", "amount", "raw_amount"] }),
    commission.listCommissionLines({ vendor_order_id: ids }, { select: ["vendor_order_id", "reference_id", "amount", "raw_amount"] }),
    // Kept when an employee leaves or the row is removed: the order was the company's when it was placed.
    companies.listCompanyOrders({ order_id: orderIds }, { select: ["order_id", "company_id"], withDeleted: true }),
  ])

  const productIds = [...new Set(vendorOrders.flatMap((v) => v.items.flatMap((i) => (i.product_id ? [i.product_id] : []))))]
  const refundedOrders = vendorOrders.filter((v) => MathBN.gt(v.refunded_total ?? 0, 0)).map((v) => v.order_id)
  const [productRows, orders] = await Promise.all([
    productIds.length
      ? query
          .graph({ entity: "product", fields: ["id", "collection_id", "categories.id"], filters: { id: productIds } })
          .then((r) => r.data)
      : [],
    refundedOrders.length
      ? query
          .graph({ entity: "order", fields: ["id", "items.id", "items.detail.return_received_quantity"], filters: { id: refundedOrders } })
          .then((r) => r.data)
      : [],
  ])
  const products: SalesFactSources["products"] = new Map()
  for (const p of productRows)
    products.set(p.id, { collection_id: p.collection_id ?? null, category_ids: (p.categories ?? []).flatMap((c) => (c ? [c.id] : [])) })
  const returned = new Map<string, number>()
  for (const o of orders)
    for (const i of o.items ?? []) if (i) returned.set(i.id, MathBN.convert(i.detail?.return_received_quantity ?? 0).toNumber())

  return salesFactRows({
    vendor_orders: vendorOrders,
    siblings,
    postings,
    commission_lines: commissionLines,
    returned_quantities: returned,
    products,
    companies: new Map(companyOrders.map((c) => [c.order_id, c.company_id])),
  })
}

/** Step form of computeSalesFacts (a read: nothing to compensate). */
export const computeSalesFactsStep = createStep("compute-sales-facts", async (input: { vendor_order_ids: string[] }, { container }) => {
  return new StepResponse(await computeSalesFacts(container, input.vendor_order_ids))
})
