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
    const variantIds = [body.variant_id, ...(body.items ?? []).map((i) => i?.variant_id)].filter((v): v is string => typeof v === "string")
    if (!variantIds.length) return next()
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product_variant",
      fields: ["id", "product.title", "product.vendor.status", "product.vendor.name"],
      filters: { id: variantIds },
    })
    const blocked = data.map((v) => v.product).find((p) => p?.vendor && p.vendor.status !== "active")
    if (blocked?.vendor) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `"${blocked.title}" cannot be bought: its vendor ${blocked.vendor.name} is not selling at the moment.`
      )
    }
    next()
  } catch (e) {
    next(e)
  }
}

/**
 * A vendor suspended (or otherwise no longer active) after its products went
 * into a cart: POST /store/carts/:id/complete refuses the cart with the same
 * 400 before anything is written, so no order, payment or vendor order is
 * created for a vendor that does not sell. The shopper removes the line and
 * completes again. (Issue 14, item 9.)
 */
export async function rejectInactiveVendorCart(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "cart",
      fields: ["id", "items.product_title", "items.variant.product.vendor.status", "items.variant.product.vendor.name"],
      filters: { id: req.params.id },
    })
    const blocked = (data[0]?.items ?? [])
      .map((i) => ({ title: i?.product_title, vendor: i?.variant?.product?.vendor }))
      .find(({ vendor }) => vendor && vendor.status !== "active")
    if (blocked?.vendor) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `"${blocked.title}" cannot be bought: its vendor ${blocked.vendor.name} is not selling at the moment. Remove it from the cart to complete the order.`
      )
    }
    next()
  } catch (e) {
    next(e)
  }
}
