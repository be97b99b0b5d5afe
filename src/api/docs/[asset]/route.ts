import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ASSETS, sendDocsBody } from "../swagger-ui"

/**
 * GET /docs/:asset: the page's files (Swagger UI's from swagger-ui-dist, the
 * page's own script and style) and the OpenAPI document, by exact name from
 * an allow-list; any other name, including anything with a path in it, is 404.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const name = String(req.params.asset ?? "")
  const asset = Object.prototype.hasOwnProperty.call(ASSETS, name) ? ASSETS[name] : undefined
  let body: Buffer | null | undefined
  try {
    body = asset?.body()
  } catch (e: any) {
    // docs/openapi.yaml that does not parse (while someone edits it): say so instead of a bare 500.
    res.status(500).json({ type: "unexpected_state", message: `The API document could not be read: ${String(e?.message).split("\n")[0]}` })
    return
  }
  if (!asset || !body) {
    res.status(404).json({ type: "not_found", message: `No file ${JSON.stringify(name.slice(0, 100))} in the API docs.` })
    return
  }
  sendDocsBody(req, res, asset.type, body, asset.cache)
}
