import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { COMPANY_MODULE } from "../modules/company"
import type CompanyModuleService from "../modules/company/service"
import { QUOTE_MODULE } from "../modules/quote"
import type QuoteModuleService from "../modules/quote/service"
import { VENDOR_MODULE } from "../modules/vendor"
import type VendorModuleService from "../modules/vendor/service"

// The vendor members who hear about quotes: the ones who handle orders.
const QUOTE_HANDLER_ROLES = ["owner", "admin", "orders"]

export type QuoteParties = {
  quote: { id: string; customer_id: string; currency_code: string; message: string | null }
  buyer: { id: string; email: string | null; name: string }
  vendors: {
    vendor_quote_id: string
    vendor_id: string
    vendor_name: string
    recipients: { member_id: string; email: string }[]
  }[]
}

/**
 * Who is on each side of a quote, for its e-mails: the buyer (shown as its
 * company when it buys for one) and, per vendor part, the vendor's members
 * who handle orders. `vendorQuoteIds` narrows to those parts.
 */
export async function readQuoteParties(
  container: MedusaContainer,
  quoteId: string,
  vendorQuoteIds?: string[]
): Promise<QuoteParties | null> {
  const quotes: QuoteModuleService = container.resolve(QUOTE_MODULE)
  const [quote] = await quotes.listQuotes({ id: quoteId }, { relations: ["vendor_quotes"], take: 1 })
  if (!quote) return null
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
  const vendorsService: VendorModuleService = container.resolve(VENDOR_MODULE)
  const parts = quote.vendor_quotes.filter((p) => !vendorQuoteIds || vendorQuoteIds.includes(p.id))
  const [{ data: customers }, company, vendors] = await Promise.all([
    query.graph({ entity: "customer", fields: ["id", "email", "first_name", "last_name"], filters: { id: quote.customer_id } }),
    quote.company_id ? companies.listCompanies({ id: quote.company_id }, { select: ["name"], take: 1 }).then((c) => c[0] ?? null) : null,
    parts.length
      ? vendorsService.listVendors({ id: parts.map((p) => p.vendor_id) }, { relations: ["members"] })
      : Promise.resolve([] as Awaited<ReturnType<VendorModuleService["listVendors"]>>),
  ])
  const customer = customers[0]
  const person = [customer?.first_name, customer?.last_name].filter(Boolean).join(" ")
  return {
    quote: { id: quote.id, customer_id: quote.customer_id, currency_code: quote.currency_code, message: quote.message ?? null },
    buyer: { id: quote.customer_id, email: customer?.email ?? null, name: company?.name || person || customer?.email || "A buyer" },
    vendors: parts.map((p) => {
      const vendor = vendors.find((v) => v.id === p.vendor_id)
      return {
        vendor_quote_id: p.id,
        vendor_id: p.vendor_id,
        vendor_name: vendor?.name ?? "",
        recipients: (vendor?.members ?? [])
          .filter((m) => QUOTE_HANDLER_ROLES.includes(m.role))
          .map((m) => ({ member_id: m.id, email: m.email })),
      }
    }),
  }
}
