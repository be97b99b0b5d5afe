import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  addShippingMethodToCartWorkflow,
  createCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
} from "@medusajs/medusa/core-flows"

export type ReadyCartInput = {
  region_id: string
  sales_channel_id: string
  email: string
  customer_id?: string
  address: Record<string, string>
  items: { variant_id: string; quantity: number }[]
  shipping_option_ids: string[]
  /** pp_system_default unless given (the demo's invoice order uses pp_invoice_invoice). */
  provider_id?: string
}

/**
 * A cart ready to complete, made with the same core workflows the Store API
 * routes run: items, address, one shipping method per vendor, and a
 * payment session (pp_system_default by default). Used by the seed and the benchmark.
 */
export async function createReadyCart(container: MedusaContainer, input: ReadyCartInput): Promise<string> {
  const { result: cart } = await createCartWorkflow(container).run({
    input: {
      region_id: input.region_id,
      sales_channel_id: input.sales_channel_id,
      email: input.email,
      customer_id: input.customer_id,
      shipping_address: input.address,
      billing_address: input.address,
      items: input.items,
    },
  })
  await addShippingMethodToCartWorkflow(container).run({
    input: { cart_id: cart.id, options: input.shipping_option_ids.map((id) => ({ id })) },
  })
  await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cart.id } })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: ["payment_collection.id"], filters: { id: cart.id } })
  await createPaymentSessionsWorkflow(container).run({
    input: { payment_collection_id: data[0].payment_collection!.id, provider_id: input.provider_id ?? "pp_system_default" },
  })
  return cart.id
}
