import type { AuthenticatedMedusaRequest, MedusaRequest } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { refetchCart } from "@medusajs/medusa/api/store/carts/helpers"
import { defaultStoreCartFields } from "@medusajs/medusa/api/store/carts/query-config"

/**
 * The cart named in the URL, as the caller may use it. Medusa's store carts
 * are capabilities (the id is enough); Lilium adds one rule for its own cart
 * routes: a cart that belongs to a registered customer is that customer's,
 * so anybody else (another customer or an anonymous caller) gets 404, the
 * same answer as for a cart that does not exist.
 */
export async function loadCartOfCaller(req: MedusaRequest | AuthenticatedMedusaRequest, cartId: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", "customer.has_account", "completed_at", "region_id", "sales_channel_id"],
    filters: { id: cartId },
  })
  const cart = data[0]
  const actor = (req as AuthenticatedMedusaRequest).auth_context?.actor_id
  const owned = !!cart?.customer_id && !!cart.customer?.has_account
  if (!cart || (owned && cart.customer_id !== actor)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart id not found: ${cartId}`)
  }
  if (cart.completed_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart ${cartId} is already completed`)
  return cart
}

/** The cart as Medusa's store cart routes return it. */
export function storeCart(container: MedusaContainer, cartId: string) {
  return refetchCart(cartId, container, defaultStoreCartFields)
}
