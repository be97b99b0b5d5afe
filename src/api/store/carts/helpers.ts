import type { AuthenticatedMedusaRequest, MedusaRequest } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { refetchCart } from "@medusajs/medusa/api/store/carts/helpers"
import { defaultStoreCartFields } from "@medusajs/medusa/api/store/carts/query-config"

/**
 * A cart that can still take lines and shipping: a missing one is 404, a
 * completed one 400. Who may use it is settled before the handler runs
 * (src/api/store/scope.ts: a registered customer's cart is that customer's).
 */
export async function loadOpenCart(req: MedusaRequest | AuthenticatedMedusaRequest, cartId: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "completed_at", "region_id", "sales_channel_id"],
    filters: { id: cartId },
  })
  const cart = data[0]
  if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart id not found: ${cartId}`)
  if (cart.completed_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart ${cartId} is already completed`)
  return cart
}

/** The cart as Medusa's store cart routes return it. */
export function storeCart(container: MedusaContainer, cartId: string) {
  return refetchCart(cartId, container, defaultStoreCartFields)
}
