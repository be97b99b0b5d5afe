import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { QUOTE_MODULE } from "../../../modules/quote"
import type QuoteModuleService from "../../../modules/quote/service"
import { readStoreQuote, readStoreQuotes } from "../../../utils/quote-views"
import { requestQuoteWorkflow } from "../../../workflows/quote/workflows/request-quote"
import { customerFilters, customerId } from "../scope"
import type { StoreCreateQuoteType, StoreListQuotesType } from "./validators"

/** GET /store/quotes: the signed-in customer's quotes, newest first, each with its vendor parts. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, StoreListQuotesType>, res: MedusaResponse) {
  const { offset, limit, status } = req.validatedQuery
  const service: QuoteModuleService = req.scope.resolve(QUOTE_MODULE)
  const [rows, count] = await service.listAndCountQuotes(
    { ...(status ? { status } : {}), ...customerFilters(req) },
    { select: ["id"], skip: offset, take: limit, order: { created_at: "DESC", id: "DESC" } }
  )
  const quotes = await readStoreQuotes(
    req.scope,
    rows.map((r) => r.id)
  )
  res.json({ quotes, count, offset, limit })
}

/**
 * POST /store/quotes {cart_id, message?}: asks the vendors of the caller's
 * cart for prices; one vendor quote per vendor (the checkout's split).
 * Another customer's cart is 404; a cart with an open quote 409.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreCreateQuoteType>, res: MedusaResponse) {
  const { result } = await requestQuoteWorkflow(req.scope).run({
    input: { cart_id: req.validatedBody.cart_id, customer_id: customerId(req), message: req.validatedBody.message ?? null },
  })
  res.json({ quote: await readStoreQuote(req.scope, result.id) })
}
