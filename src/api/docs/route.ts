import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PAGE_HTML, sendDocsBody } from "./swagger-ui"

/** GET /docs: the interactive reference of docs/openapi.yaml (Swagger UI, served from this server). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  sendDocsBody(req, res, "text/html; charset=utf-8", Buffer.from(PAGE_HTML), "revalidate")
}
