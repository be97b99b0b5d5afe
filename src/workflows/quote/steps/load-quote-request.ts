import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { stateConflict } from "../../../lib/errors/state-conflict"
import { rawAmount, wholeCount } from "../../../lib/money"
import { quoteLinesFingerprint } from "../../../lib/quote-lines"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import type { NewQuote } from "../../../modules/quote/service"
import { lookupVendors } from "../../vendor-order/utils/vendor-lookups"

// The shape the quote module writes (QuoteModuleService.createQuoteWithParts), named for this step.
export type QuoteRequest = NewQuote
export type QuoteRequestItem = NewQuote["vendors"][number]["items"][number]

/**
 * Reads the cart a buyer asks to have quoted and groups its lines by vendor,
 * as the checkout split does (vendor ↔ product link). The cart must be the
 * caller's (404 otherwise, as for any id a tenant passes), open (409) and
 * not empty, and every line must be sold by a vendor (400).
 */
export const loadQuoteRequestStep = createStep(
  "load-quote-request",
  async (input: { cart_id: string; customer_id: string; message?: string | null }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "cart",
      fields: [
        "id",
        "customer_id",
        "currency_code",
        "completed_at",
        "items.id",
        "items.variant_id",
        "items.product_id",
        "items.title",
        "items.product_title",
        "items.variant_title",
        "items.variant_sku",
        "items.quantity",
        "items.unit_price",
        "items.raw_unit_price",
      ],
      filters: { id: input.cart_id },
    })
    const cart = data[0]
    if (!cart || cart.customer_id !== input.customer_id) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${input.cart_id} was not found`)
    }
    if (cart.completed_at) throw stateConflict("This cart has been completed already; a quote needs an open cart.")
    const items = (cart.items ?? []).filter((i) => !!i)
    if (!items.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, "The cart is empty: add the items to be quoted first.")

    const productIds = [...new Set<string>(items.flatMap((i) => (i.product_id ? [i.product_id as string] : [])))]
    const lookups = await lookupVendors(container, productIds, [])
    const byVendor = new Map<string, QuoteRequestItem[]>()
    for (const i of items) {
      const vendorId = i.product_id ? lookups.products[i.product_id] : undefined
      if (!vendorId) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `The line ${i.id} (${i.title}) is not sold by a vendor and cannot be quoted.`)
      }
      const list = byVendor.get(vendorId) ?? []
      list.push({
        line_item_id: i.id,
        variant_id: i.variant_id ?? null,
        product_id: i.product_id ?? null,
        title: (i.product_title as string | null) ?? i.title,
        variant_title: (i.variant_title as string | null) ?? null,
        sku: (i.variant_sku as string | null) ?? null,
        quantity: wholeCount(i.quantity as never),
        list_unit_price: MathBN.convert(rawAmount(i as never, "unit_price")).toFixed(),
      })
      byVendor.set(vendorId, list)
    }

    const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
    const [employee] = await companies.listCompanyEmployees({ customer_id: input.customer_id }, { select: ["company_id"], take: 1 })
    const currency = String(cart.currency_code)
    return new StepResponse<QuoteRequest>({
      cart_id: cart.id,
      customer_id: input.customer_id,
      company_id: employee?.company_id ?? null,
      currency_code: currency,
      message: input.message ?? null,
      items_fingerprint: quoteLinesFingerprint(
        items.map((i) => ({ id: i.id, variant_id: i.variant_id ?? null, quantity: i.quantity as never })),
        currency,
        false
      ),
      vendors: [...byVendor.entries()].map(([vendor_id, list]) => ({ vendor_id, items: list })),
    })
  }
)
