import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { addCartLinesWorkflow } from "../../../../../../workflows/cart/workflows/add-cart-lines"
import { loadOpenCart, storeCart } from "../../../helpers"
import { csvLineNumbers } from "../../../csv"
import type { StoreBulkLineItemsType } from "../../../validators"
import { customerParam } from "../../../../scope"

/**
 * POST /store/carts/:id/line-items/bulk: quick order. Up to 500 lines by
 * variant id or SKU (JSON `{items}`, or `text/csv` `sku,quantity`), added in
 * one workflow run; invalid lines come back in `errors` instead of failing
 * the request. No valid line at all is 400 with the errors and no write.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreBulkLineItemsType>, res: MedusaResponse) {
  const cart = await loadOpenCart(req, customerParam(req, "id"))
  const lineNos = csvLineNumbers(req)
  const lines = req.validatedBody.items.map((l, i) => ({ ...l, ...(lineNos ? { line: lineNos[i] } : {}) }))
  const { result } = await addCartLinesWorkflow(req.scope).run({ input: { cart_id: cart.id, lines } })
  if (!result.added.length) {
    res.status(400).json({ type: "invalid_data", message: "None of the lines can be added to the cart", errors: result.errors })
    return
  }
  res.status(200).json({ cart: await storeCart(req.scope, cart.id), errors: result.errors })
}
