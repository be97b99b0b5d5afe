import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import VendorPriceListLink from "../../../links/vendor-price-list"
import { createVendorPriceListWorkflow } from "../../../workflows/vendor-price-list/workflows/create-vendor-price-list"
import type { VendorRequest } from "../context"
import { vendorFilters } from "../scope"
import { assertPriceListBody, readPriceList, readPriceLists } from "./helpers"
import type { VendorCreatePriceListType, VendorListPriceListsType } from "./validators"

/** GET /vendor/price-lists: the caller's company price lists, newest first; `company_id` narrows to one company. */
export async function GET(req: VendorRequest<unknown, VendorListPriceListsType>, res: MedusaResponse) {
  const { offset, limit, company_id } = req.validatedQuery
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  if (!company_id) {
    const { data: links, metadata } = await query.graph({
      entity: VendorPriceListLink.entryPoint,
      fields: ["price_list_id"],
      filters: vendorFilters(req, "vendor_price_list"),
      pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
    })
    const price_lists = await readPriceLists(
      req.scope,
      links.map((l: { price_list_id: string }) => l.price_list_id)
    )
    return res.json({ price_lists, count: metadata?.count ?? price_lists.length, offset, limit })
  }
  // A vendor's lists are few: read them all, keep the company's, then page.
  const { data: links } = await query.graph({
    entity: VendorPriceListLink.entryPoint,
    fields: ["price_list_id"],
    filters: vendorFilters(req, "vendor_price_list"),
    pagination: { order: { created_at: "DESC" } },
  })
  const all = await readPriceLists(
    req.scope,
    links.map((l: { price_list_id: string }) => l.price_list_id)
  )
  const mine = all.filter((l) => l.company?.id === company_id)
  res.json({ price_lists: mine.slice(offset, offset + limit), count: mine.length, offset, limit })
}

/**
 * POST /vendor/price-lists: prices for one buying company (an active Medusa
 * price list of type override, limited to the company's customer group),
 * only on the vendor's own variants. Another vendor's variant is 404 and the
 * company must exist and be active (400), with nothing created.
 */
export async function POST(req: VendorRequest<VendorCreatePriceListType>, res: MedusaResponse) {
  const body = req.validatedBody
  await assertPriceListBody(req, body.prices)
  const { result } = await createVendorPriceListWorkflow(req.scope).run({
    input: { vendor_id: req.vendor_context.vendor.id, ...body },
  })
  res.status(200).json({ price_list: await readPriceList(req.scope, result.id) })
}
