import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createCompanyWorkflow } from "../../workflows/company/workflows/create-company"
import { inviteCompanyEmployeeWorkflow } from "../../workflows/company/workflows/invite-company-employee"
import { acceptCompanyInviteWorkflow } from "../../workflows/company/workflows/accept-company-invite"
import { operatorUpdateCompanyWorkflow } from "../../workflows/company/workflows/operator-update-company"
import { setCompanyApprovalSettingsWorkflow } from "../../workflows/company/workflows/set-company-approval-settings"
import { requestCartApprovalWorkflow } from "../../workflows/company/workflows/request-cart-approval"
import { decideCartApprovalWorkflow } from "../../workflows/company/workflows/decide-cart-approval"
import { markInvoicePaidWorkflow } from "../../workflows/invoice/workflows/mark-invoice-paid"
import { requestQuoteWorkflow } from "../../workflows/quote/workflows/request-quote"
import { answerVendorQuoteWorkflow } from "../../workflows/quote/workflows/answer-vendor-quote"
import { declineVendorQuoteWorkflow } from "../../workflows/quote/workflows/decline-vendor-quote"
import { COMPANY_MODULE } from "../../modules/company"
import type CompanyModuleService from "../../modules/company/service"
import { QUOTE_MODULE } from "../../modules/quote"
import type QuoteModuleService from "../../modules/quote/service"
import { INVOICE_PAYMENT_PROVIDER } from "../../lib/invoice-terms"
import { createDemoBuyer, type DemoBuyer, type DemoPerson } from "./demo-buyers"
import type { DemoShopfloor, OrderPlan } from "./demo-shopfloor"
import type { DemoTimeline } from "./demo-timeline"
import { DAY_MS, HOUR_MS } from "./demo-clock"

/**
 * The B2B side of the demo (wave 2), each feature once:
 * - Kessler Architekten GmbH, a buying company: Anna (admin), Max (approver)
 *   and Lea (buyer, €5,000 a month), on net-30 invoice terms with a credit
 *   limit, and approval above €1,000 per order;
 * - an invoice order that was paid (the operator recorded the transfer) and
 *   one still awaiting payment;
 * - Lea's order above the threshold, approved by Max;
 * - a quote from the demo buyer, answered by Oakline and declined by Papyrus.
 */

const office = (first_name: string, last_name: string) => ({
  first_name,
  last_name,
  company: "Kessler Architekten GmbH",
  address_1: "Torstraße 140",
  city: "Berlin",
  postal_code: "10119",
  country_code: "de",
  phone: "+49302345678",
})
export const DEMO_COMPANY = {
  name: "Kessler Architekten GmbH",
  email: "einkauf@kessler.demo",
  tax_id: "DE136695976",
  admin: { key: "anna", email: "anna@kessler.demo", first_name: "Anna", last_name: "Kessler", address: office("Anna", "Kessler") },
  approver: { key: "max", email: "max@kessler.demo", first_name: "Max", last_name: "Weber", address: office("Max", "Weber") },
  buyer: { key: "lea", email: "lea@kessler.demo", first_name: "Lea", last_name: "Braun", address: office("Lea", "Braun") },
} satisfies Record<string, unknown> & { admin: DemoPerson; approver: DemoPerson; buyer: DemoPerson }

export type DemoCompany = { id: string; admin: DemoBuyer; approver: DemoBuyer; buyer: DemoBuyer; approver_employee_id: string }

/** The company with its three people, founded and set up as the Store and Admin APIs would. */
export async function seedDemoCompany(container: MedusaContainer, log: (m: string) => void = () => {}): Promise<DemoCompany> {
  const people = { company_name: DEMO_COMPANY.name }
  const admin = await createDemoBuyer(container, { ...DEMO_COMPANY.admin, ...people })
  const approver = await createDemoBuyer(container, { ...DEMO_COMPANY.approver, ...people })
  const buyer = await createDemoBuyer(container, { ...DEMO_COMPANY.buyer, ...people })
  const { name, email, tax_id } = DEMO_COMPANY
  const { result } = await createCompanyWorkflow(container).run({
    input: { customer_id: admin.customer_id, company: { name, email, tax_id } },
  })
  const company_id = result.company.id
  const join = async (who: DemoBuyer, role: "approver" | "buyer", limit?: number) => {
    const { result: invite } = await inviteCompanyEmployeeWorkflow(container).run({
      input: {
        company_id,
        email: who.email,
        role,
        spending_limit: limit ?? null,
        spending_period: limit ? "month" : null,
        invited_by: result.employee.id,
      },
    })
    await acceptCompanyInviteWorkflow(container).run({ input: { token: invite.token, customer_id: who.customer_id } })
  }
  await join(approver, "approver")
  await join(buyer, "buyer", 5000)
  // The operator's terms; the admin's approval rule.
  await operatorUpdateCompanyWorkflow(container).run({ input: { id: company_id, payment_terms: "net_30", credit_limit: 10000 } })
  await setCompanyApprovalSettingsWorkflow(container).run({ input: { company_id, currency_code: "eur", approval_threshold: "1000" } })
  const companies = container.resolve<CompanyModuleService>(COMPANY_MODULE)
  const [approverEmployee] = await companies.listCompanyEmployees({ customer_id: approver.customer_id }, { select: ["id"] })
  log(`demo company ${name}: ${admin.email} (admin), ${approver.email} (approver), ${buyer.email} (buyer)`)
  return { id: company_id, admin, approver, buyer, approver_employee_id: approverEmployee.id }
}

/** Two invoice orders of Anna's: one paid 25 days after it was delivered, one placed 6 days ago and awaiting payment. */
export function planDemoInvoiceOrders(
  container: MedusaContainer,
  timeline: DemoTimeline,
  floor: DemoShopfloor,
  company: DemoCompany,
  now: number
) {
  const day = (daysAgo: number, hour: number) => Math.floor((now - daysAgo * DAY_MS) / DAY_MS) * DAY_MS + hour * HOUR_MS
  const delivered = [
    { step: "accept" as const, after_hours: 2 },
    { step: "ship" as const, after_hours: 22 },
    { step: "deliver" as const, after_hours: 60 },
  ]
  const paid: OrderPlan = {
    at: day(52, 10),
    buyer: company.admin,
    provider_id: INVOICE_PAYMENT_PROVIDER,
    lines: { "led-floor-lamp": 2, "gel-pens-20": 5 },
    steps: { "lumen-office-lighting": delivered, "papyrus-supplies": delivered },
  }
  floor.plan(timeline, paid, "invoice order (paid)", async (order) => {
    timeline.add(day(24, 11), "invoice paid", async () => {
      await markInvoicePaidWorkflow(container).run({ input: { order_id: order.order_id, reference: "SEPA-KESSLER-2026-001" } })
    })
  })
  const open: OrderPlan = {
    at: day(6, 14),
    buyer: company.admin,
    provider_id: INVOICE_PAYMENT_PROVIDER,
    lines: { "oak-office-chair": 2, "paper-a4-500": 20 },
    steps: { "oakline-furniture": delivered, "papyrus-supplies": [{ step: "accept", after_hours: 5 }] },
  }
  floor.plan(timeline, open, "invoice order (awaiting payment)")
}

/** Lea's cart above the €1,000 threshold: she asks, Max approves, she checks out today and Oakline accepts. */
export async function seedDemoApprovedOrder(container: MedusaContainer, floor: DemoShopfloor, company: DemoCompany) {
  const lea = company.buyer
  const plan: OrderPlan = { at: Date.now(), buyer: lea, lines: { "standing-desk": 2 }, steps: {} }
  const cartId = await floor.readyCart(plan)
  const { result: approval } = await requestCartApprovalWorkflow(container).run({
    input: { cart_id: cartId, customer_id: lea.customer_id },
  })
  await decideCartApprovalWorkflow(container).run({
    input: {
      approval_id: approval.id,
      company_id: company.id,
      employee_id: company.approver_employee_id,
      decision: "approved",
      note: "Approved for the new meeting room",
    },
  })
  const order = await floor.completeAndSettle(cartId)
  // Oakline has accepted it and not shipped yet (the operator's restore check refunds part of an accepted order).
  await floor.vendorStep(order, "oakline-furniture", { step: "accept", after_hours: 0 })
  return order
}

/** The demo buyer asks two vendors for a quote; Oakline answers with a volume price, Papyrus declines. */
export async function seedDemoQuote(
  container: MedusaContainer,
  floor: DemoShopfloor,
  buyer: DemoBuyer,
  log: (m: string) => void = () => {}
) {
  const cartId = await floor.readyCart({ at: Date.now(), buyer, lines: { "oak-office-chair": 12, "paper-a4-500": 60 }, steps: {} })
  const { result } = await requestQuoteWorkflow(container).run({
    input: {
      cart_id: cartId,
      customer_id: buyer.customer_id,
      message: "Twelve chairs and paper for our new office: what is your best price?",
    },
  })
  const quotes = container.resolve<QuoteModuleService>(QUOTE_MODULE)
  const parts = await quotes.listVendorQuotes({ quote_id: result.id }, { relations: ["items"] })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: vendors } = await query.graph({
    entity: "vendor",
    fields: ["id", "handle", "members.id", "members.role"],
    filters: { id: parts.map((p) => p.vendor_id) },
  })
  for (const part of parts) {
    const vendor = vendors.find((v) => v.id === part.vendor_id)!
    const member_id = vendor.members!.find((m) => m?.role === "owner")!.id
    if (vendor.handle === "oakline-furniture") {
      await answerVendorQuoteWorkflow(container).run({
        input: {
          vendor_quote_id: part.id,
          vendor_id: vendor.id,
          member_id,
          prices: Object.fromEntries(part.items.map((i) => [i.line_item_id, "259"])),
          valid_until: new Date(Date.now() + 14 * DAY_MS).toISOString(),
          message: "€259 per chair for twelve, delivery within two weeks.",
        },
      })
    } else {
      await declineVendorQuoteWorkflow(container).run({
        input: { vendor_quote_id: part.id, vendor_id: vendor.id, member_id, reason: "We cannot deliver 60 boxes before January." },
      })
    }
  }
  log(`demo quote ${result.id}: answered by Oakline, declined by Papyrus`)
}
