import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { wholeCount } from "../../../lib/money"

const ADDRESS_FIELDS = [
  "first_name",
  "last_name",
  "company",
  "address_1",
  "address_2",
  "city",
  "province",
  "postal_code",
  "country_code",
  "phone",
]

type Address = Record<string, string | null | undefined> | null | undefined
const address = (a: Address) =>
  a ? Object.fromEntries(ADDRESS_FIELDS.filter((f) => a[f] != null && a[f] !== "").map((f) => [f, a[f] as string])) : undefined

export type ReorderSource = {
  cart: {
    region_id: string
    sales_channel_id?: string
    customer_id: string
    email?: string
    currency_code: string
    shipping_address?: Record<string, string>
    billing_address?: Record<string, string>
  }
  lines: { variant_id: string; quantity: number }[]
  /** Order items whose variant no longer exists (deleted). */
  gone: { variant_id: null; title: string }[]
}

/**
 * The order to buy again, if it is the customer's (anybody else's, or a
 * missing one, is 404): what a new cart needs (region, channel, email,
 * addresses) and its lines, quantities summed per variant.
 */
export const loadReorderSourceStep = createStep(
  "load-reorder-source",
  async (input: { order_id: string; customer_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "customer_id",
        "email",
        "region_id",
        "sales_channel_id",
        "currency_code",
        ...ADDRESS_FIELDS.map((f) => `shipping_address.${f}`),
        ...ADDRESS_FIELDS.map((f) => `billing_address.${f}`),
        "items.variant_id",
        "items.title",
        "items.quantity",
        "items.detail.quantity", // the order module fills items.quantity only from the item detail
      ],
      filters: { id: input.order_id },
    })
    const order = data[0]
    if (!order || order.customer_id !== input.customer_id) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${input.order_id} was not found`)
    }
    const sum = new Map<string, number>()
    const gone: ReorderSource["gone"] = []
    for (const item of order.items ?? []) {
      if (!item) continue
      if (!item.variant_id) gone.push({ variant_id: null, title: item.title })
      else sum.set(item.variant_id, (sum.get(item.variant_id) ?? 0) + wholeCount(item.quantity))
    }
    return new StepResponse<ReorderSource>({
      cart: {
        region_id: order.region_id as string,
        sales_channel_id: order.sales_channel_id ?? undefined,
        customer_id: input.customer_id,
        email: order.email ?? undefined,
        currency_code: order.currency_code,
        shipping_address: address(order.shipping_address as Address),
        billing_address: address(order.billing_address as Address),
      },
      lines: [...sum].map(([variant_id, quantity]) => ({ variant_id, quantity })),
      gone,
    })
  }
)
