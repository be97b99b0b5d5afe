import type { Api } from "./runner"
import { DEMO_BUYER_ADDRESS } from "../../src/scripts/lib/demo-orders"

/**
 * The Store API calls a storefront makes (the same ones @medusajs/js-sdk
 * sends), so that tests check out exactly as a real client does.
 */

export const DE_ADDRESS: Record<string, string> = DEMO_BUYER_ADDRESS

export const US_ADDRESS = {
  first_name: "Jane",
  last_name: "Buyer",
  company: "Buyer Inc.",
  address_1: "1 Market Street",
  city: "San Francisco",
  province: "ca",
  postal_code: "94105",
  country_code: "us",
  phone: "+14155550100",
}

type Headers = { headers: Record<string, string> }

const withAuth = (store: Headers, token?: string): Headers =>
  token ? { headers: { ...store.headers, authorization: `Bearer ${token}` } } : store

/** Registers a customer through the Store API and returns a login token. */
export async function registerCustomer(api: Api, store: Headers, email: string, password = "customer-password-1") {
  const reg = await api.post("/auth/customer/emailpass/register", { email, password })
  await api.post("/store/customers", { email, first_name: "Erika", last_name: "Muster" }, withAuth(store, reg.data.token))
  const login = await api.post("/auth/customer/emailpass", { email, password })
  return { token: login.data.token as string, email }
}

export type CartLine = { variant_id: string; quantity: number }

/**
 * Creates a cart, adds the lines, sets email and addresses, picks the
 * cheapest shipping option for each shipping profile the cart needs, and
 * opens a payment session (pp_system_default unless `provider_id` says
 * otherwise, e.g. pp_invoice_invoice). Returns the ready cart.
 */
export async function readyCart(
  api: Api,
  store: Headers,
  opts: {
    region_id: string
    lines: CartLine[]
    email?: string
    customerToken?: string
    address?: Record<string, string>
    promo_codes?: string[]
    provider_id?: string
  }
) {
  const headers = withAuth(store, opts.customerToken)
  const {
    data: { cart },
  } = await api.post("/store/carts", { region_id: opts.region_id }, headers)
  for (const line of opts.lines) {
    await api.post(`/store/carts/${cart.id}/line-items`, line, headers)
  }
  await api.post(
    `/store/carts/${cart.id}`,
    {
      email: opts.email ?? "buyer@example.com",
      shipping_address: opts.address ?? DE_ADDRESS,
      billing_address: opts.address ?? DE_ADDRESS,
    },
    headers
  )
  if (opts.promo_codes?.length) {
    await api.post(`/store/carts/${cart.id}/promotions`, { promo_codes: opts.promo_codes }, headers)
  }
  const {
    data: { shipping_options },
  } = await api.get(`/store/shipping-options?cart_id=${cart.id}`, headers)
  const byProfile = new Map<string, any>()
  for (const option of shipping_options) {
    const current = byProfile.get(option.shipping_profile_id)
    if (!current || option.amount < current.amount) byProfile.set(option.shipping_profile_id, option)
  }
  for (const option of byProfile.values()) {
    await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: option.id }, headers)
  }
  const {
    data: { payment_collection },
  } = await api.post("/store/payment-collections", { cart_id: cart.id }, headers)
  await api.post(
    `/store/payment-collections/${payment_collection.id}/payment-sessions`,
    { provider_id: opts.provider_id ?? "pp_system_default" },
    headers
  )
  const { data } = await api.get(`/store/carts/${cart.id}`, headers)
  return data.cart
}

export async function completeCart(api: Api, store: Headers, cartId: string, customerToken?: string) {
  const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, withAuth(store, customerToken))
  return data
}
