import crypto from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { BigNumberInput } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { decimalString, rawAmount, wholeCount } from "../../../lib/money"

type Row = Record<string, unknown>

/** What approvals and spending limits know of a cart: its buyer, total and a fingerprint of its contents. */
export type CartSnapshot = {
  id: string
  customer_id: string | null
  currency_code: string
  total: BigNumberInput
  completed_at: Date | string | null
  fingerprint: string
}

const CART_FIELDS = [
  "id",
  "customer_id",
  "currency_code",
  "completed_at",
  "total",
  "items.id",
  "items.variant_id",
  "items.quantity",
  "items.unit_price",
  "shipping_methods.id",
  "shipping_methods.shipping_option_id",
  "shipping_methods.amount",
]

/**
 * A hash of everything an approver approves: the currency, the total (so a
 * promotion, a tax or a price change counts), each line's variant, quantity
 * and unit price, and each shipping method's option and amount. Lines and
 * methods are sorted by id, so the order Medusa returns them in does not
 * matter; amounts go in as fixed decimals (never JS floats).
 */
export function cartFingerprint(cart: Row): string {
  const currency = String(cart.currency_code)
  const items = ((cart.items ?? []) as Row[])
    .map((i) => [i.id, i.variant_id, wholeCount(i.quantity as BigNumberInput), decimalString(rawAmount(i, "unit_price"), currency)])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])))
  const shipping = ((cart.shipping_methods ?? []) as Row[])
    .map((m) => [m.id, m.shipping_option_id, decimalString(rawAmount(m, "amount"), currency)])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])))
  const payload = JSON.stringify({ currency, total: decimalString(rawAmount(cart, "total"), currency), items, shipping })
  return crypto.createHash("sha256").update(payload).digest("hex")
}

/** Reads a cart with its computed total and fingerprint (404 when missing). */
export async function readCartSnapshot(container: MedusaContainer, cartId: string): Promise<CartSnapshot> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: CART_FIELDS, filters: { id: cartId } })
  const cart = data[0] as Row | undefined
  if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart id not found: ${cartId}`)
  return {
    id: cart.id as string,
    customer_id: (cart.customer_id as string | null) ?? null,
    currency_code: String(cart.currency_code),
    total: rawAmount(cart, "total"),
    completed_at: (cart.completed_at as Date | string | null) ?? null,
    fingerprint: cartFingerprint(cart),
  }
}
