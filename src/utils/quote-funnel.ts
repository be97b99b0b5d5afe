import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { resolveRange } from "../modules/analytics/range"
import { QUOTE_MODULE } from "../modules/quote"
import type QuoteModuleService from "../modules/quote/service"

/** A share as a fraction with 4 decimals (0.3333), null when nothing was requested (no rate, rather than 0). */
const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10_000) / 10_000 : null)

/**
 * The quote funnel per vendor over a reporting range (from/to/tz as the
 * other analytics): requested → quoted → accepted → ordered, with the
 * vendor's name and its quote rate (quoted / requested) and conversion rate
 * (accepted / requested).
 */
export async function buildQuoteFunnel(
  scope: MedusaContainer,
  query: { from?: string; to?: string; tz: string; limit: number; offset: number },
  vendorId?: string
) {
  const range = resolveRange(query)
  const quotes: QuoteModuleService = scope.resolve(QUOTE_MODULE)
  const rows = await quotes.quoteFunnel({ from: range.from, to: range.to, vendor_id: vendorId, limit: query.limit, offset: query.offset })
  const ids = rows.map((r) => r.vendor_id)
  const { data: vendors } = ids.length
    ? await scope
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "vendor", fields: ["id", "handle", "name"], filters: { id: ids } })
    : { data: [] as { id: string; handle: string; name: string }[] }
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    count: rows[0]?.vendor_total ?? 0,
    offset: query.offset,
    limit: query.limit,
    vendors: rows.map((r) => {
      const v = vendors.find((x) => x.id === r.vendor_id)
      return {
        vendor: { id: r.vendor_id, handle: v?.handle ?? null, name: v?.name ?? null },
        requested: r.requested,
        quoted: r.quoted,
        declined: r.declined,
        accepted: r.accepted,
        ordered: r.ordered,
        quote_rate: rate(r.quoted, r.requested),
        conversion_rate: rate(r.accepted, r.requested),
      }
    }),
  }
}
