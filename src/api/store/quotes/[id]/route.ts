import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readStoreQuote } from "../../../../utils/quote-views"
import { customerParam } from "../../scope"

/** GET /store/quotes/:id: one of the caller's quotes with every vendor part, its prices and thread. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ quote: await readStoreQuote(req.scope, customerParam(req, "id")) })
}
