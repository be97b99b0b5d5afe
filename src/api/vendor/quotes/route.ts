import type { MedusaResponse } from "@medusajs/framework/http"
import { QUOTE_MODULE } from "../../../modules/quote"
import type QuoteModuleService from "../../../modules/quote/service"
import { readVendorQuotes } from "../../../utils/quote-views"
import type { VendorRequest } from "../context"
import { vendorFilters } from "../scope"
import type { VendorListQuotesType } from "./validators"

/** The stored filter of a status as the vendor sees it (`expired` and `quoted` split on valid_until). */
function statusFilter(status: VendorListQuotesType["status"], now: Date): Record<string, unknown> {
  if (!status) return {}
  if (status === "expired") return { status: "quoted", valid_until: { $lte: now } }
  if (status === "quoted") return { status: "quoted", valid_until: { $gt: now } }
  return { status }
}

/** GET /vendor/quotes: the caller's parts of buyers' quotes, newest first; `status` narrows (requested, quoted, expired, …). */
export async function GET(req: VendorRequest<unknown, VendorListQuotesType>, res: MedusaResponse) {
  const { offset, limit, status } = req.validatedQuery
  const now = new Date()
  const service: QuoteModuleService = req.scope.resolve(QUOTE_MODULE)
  const [rows, count] = await service.listAndCountVendorQuotes(
    { ...statusFilter(status, now), ...vendorFilters(req, "vendor_quote") },
    { select: ["id"], skip: offset, take: limit, order: { created_at: "DESC", id: "DESC" } }
  )
  const quotes = await readVendorQuotes(
    req.scope,
    rows.map((r) => r.id),
    now
  )
  res.json({ quotes, count, offset, limit })
}
