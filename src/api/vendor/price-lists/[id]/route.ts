import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { deletePriceListsWorkflow } from "@medusajs/medusa/core-flows"
import { updateVendorPriceListWorkflow } from "../../../../workflows/vendor-price-list/workflows/update-vendor-price-list"
import type { VendorRequest } from "../../context"
import { scopedParam } from "../../scope"
import { assertPriceListBody, readPriceList } from "../helpers"
import type { VendorUpdatePriceListType } from "../validators"

/** GET /vendor/price-lists/:id (another vendor's list is 404, from scopeVendorParams). */
export async function GET(req: VendorRequest, res: MedusaResponse) {
  res.json({ price_list: await readPriceList(req.scope, scopedParam(req, "id")) })
}

/**
 * POST /vendor/price-lists/:id: title, description and dates as given (null
 * clears a date); `prices` replaces every price, with the same checks as on
 * creation. The company stays the list's.
 */
export async function POST(req: VendorRequest<VendorUpdatePriceListType>, res: MedusaResponse) {
  const id = scopedParam(req, "id")
  const { prices, ...update } = req.validatedBody
  const current = await readPriceList(req.scope, id)
  const starts = update.starts_at !== undefined ? update.starts_at : current.starts_at
  const ends = update.ends_at !== undefined ? update.ends_at : current.ends_at
  if (starts && ends && new Date(starts).getTime() >= new Date(ends).getTime()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "ends_at must be after starts_at")
  }
  if (prices) await assertPriceListBody(req, prices)
  await updateVendorPriceListWorkflow(req.scope).run({ input: { id, update, prices } })
  res.json({ price_list: await readPriceList(req.scope, id) })
}

/** DELETE /vendor/price-lists/:id: Medusa's deletePriceListsWorkflow (the list, its prices and its links). */
export async function DELETE(req: VendorRequest, res: MedusaResponse) {
  const id = scopedParam(req, "id")
  await deletePriceListsWorkflow(req.scope).run({ input: { ids: [id] } })
  res.json({ id, object: "price_list", deleted: true })
}
