import type { MedusaResponse } from "@medusajs/framework/http"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { QUOTE_MODULE, QUOTE_VALIDITY } from "../../../../../modules/quote"
import type QuoteModuleService from "../../../../../modules/quote/service"
import { amountProblem } from "../../../../../utils/money-input"
import { readVendorQuote } from "../../../../../utils/quote-views"
import { answerVendorQuoteWorkflow } from "../../../../../workflows/quote/workflows/answer-vendor-quote"
import type { VendorRequest } from "../../../context"
import { scopedParam } from "../../../scope"
import type { VendorRespondQuoteType } from "../../validators"

/**
 * POST /vendor/quotes/:id/respond {items: [{item_id, unit_price}], valid_until?, message?}:
 * the vendor's prices for every line of its part (status `quoted`). It may
 * answer again until the buyer accepts. A price with more decimals than the
 * quote's currency has is 400.
 */
export async function POST(req: VendorRequest<VendorRespondQuoteType>, res: MedusaResponse) {
  const id = scopedParam(req, "id")
  const body = req.validatedBody
  const quotes: QuoteModuleService = req.scope.resolve(QUOTE_MODULE)
  const part = await quotes.retrieveVendorQuote(id, { select: ["currency_code"] })
  for (const [n, item] of body.items.entries()) {
    const problem = amountProblem(item.unit_price, { sign: "positive", currency_code: part.currency_code })
    if (problem) throw new MedusaError(MedusaError.Types.INVALID_DATA, `items.${n}.unit_price: ${problem}`)
  }
  const validUntil = body.valid_until ? new Date(body.valid_until) : new Date(Date.now() + QUOTE_VALIDITY.defaultDays * 86_400_000)
  await answerVendorQuoteWorkflow(req.scope).run({
    input: {
      vendor_quote_id: id,
      vendor_id: req.vendor_context.vendor.id,
      member_id: req.vendor_context.member.id,
      prices: Object.fromEntries(body.items.map((i) => [i.item_id, MathBN.convert(i.unit_price).toFixed()])),
      valid_until: validUntil.toISOString(),
      message: body.message ?? null,
    },
  })
  res.json({ quote: await readVendorQuote(req.scope, id) })
}
