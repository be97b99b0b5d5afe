import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/**
 * Products of vendors that are not active (pending, rejected, suspended) are
 * not sold: adding them to a cart fails with a clear 400. Runs on
 * POST /store/carts (items) and POST /store/carts/:id/line-items.
 */
export async function rejectInactiveVendorItems(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const body = (req.body ?? {}) as { variant_id?: string; items?: { variant_id?: string }[] }
    const variantIds = [body.variant_id, ...(body.items ?? []).map((i) => i?.variant_id)].filter(
      (v): v is string => typeof v === "string"
    )
    if (!variantIds.length) return next()
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product_variant",
      fields: ["id", "product.title", "product.vendor.status", "product.vendor.name"],
      filters: { id: variantIds },
    })
    const blocked = data.find((v: any) => v.product?.vendor && v.product.vendor.status !== "active")
    if (blocked) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `"${(blocked as any).product.title}" cannot be bought: its vendor ${(blocked as any).product.vendor.name} is not selling at the moment.`
      )
    }
    next()
  } catch (e) {
    next(e)
  }
}
