import { prepareRetrieveQuery, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { refetchCart } from "@medusajs/medusa/api/store/carts/helpers"
import { defaultStoreCartFields } from "@medusajs/medusa/api/store/carts/query-config"
import { completeMarketplaceCartWorkflowId } from "../../../../../workflows/vendor-order/workflows/complete-marketplace-cart"

// Errors that Medusa answers with 200 and the cart, so the shopper can retry payment.
const CART_ERRORS: string[] = [MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR, MedusaError.Types.PAYMENT_REQUIRES_MORE_ERROR]

/**
 * POST /store/carts/:id/complete: Medusa's own route, line for line, except
 * that it runs complete-marketplace-cart (completion + vendor split) instead
 * of completeCartWorkflow. The response is Medusa's: {type: "order", order}
 * or {type: "cart", cart, error}, and Medusa's query middleware still
 * validates `fields`.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const cartId = req.params.id
  const engine = req.scope.resolve(Modules.WORKFLOW_ENGINE)
  const { errors, result, transaction } = await engine.run(completeMarketplaceCartWorkflowId, {
    input: { id: cartId },
    throwOnError: false,
  })
  if (!transaction.hasFinished()) {
    throw new MedusaError(MedusaError.Types.CONFLICT, "Cart is already being completed by another request")
  }

  if (errors?.[0]) {
    const error = errors[0].error
    if (!CART_ERRORS.includes(error?.type)) {
      // A cart that does not exist fails deep inside Medusa's workflow (a
      // TypeError, so a 500); checked only on this failure path, not per checkout.
      const { data: found } = await req.scope
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "cart", fields: ["id"], filters: { id: cartId } })
      if (!found.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart id not found: ${cartId}`)
      throw error
    }
    const cartReq = await prepareRetrieveQuery({}, { defaults: defaultStoreCartFields }, req)
    const cart = await refetchCart(cartId, req.scope, cartReq.remoteQueryConfig.fields)
    res.status(200).json({ type: "cart", cart, error: { message: error.message, name: error.name, type: error.type } })
    return
  }

  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: req.queryConfig.fields, filters: { id: result.id } })
  res.status(200).json({ type: "order", order: data[0] })
}
