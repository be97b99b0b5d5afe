import type { Api } from "./runner"

type Headers = { headers: Record<string, string> }

/**
 * The steps an order goes through after checkout, as the HTTP tests drive
 * them: wait until the order.placed subscriber has captured the payment, read
 * the vendor split, and have a vendor accept, fulfill, ship and deliver its
 * part through the vendor API.
 */

/**
 * Waits (up to `tries` × 100 ms) until the order's payment is captured and
 * returns the order read with `fields` (payment_status is always read). The
 * caller asserts the status: after the last try the order is returned as it is.
 */
export async function capturedOrder(api: Api, admin: Headers, orderId: string, opts: { fields?: string; tries?: number } = {}) {
  const fields = ["payment_status", opts.fields].filter(Boolean).join(",")
  let order: any
  for (let i = 0; i < (opts.tries ?? 60); i++) {
    if (i) await new Promise((r) => setTimeout(r, 100))
    order = (await api.get(`/admin/orders/${orderId}?fields=${fields}`, admin)).data.order
    if (order.payment_status === "captured") break
  }
  return order
}

/** The order's vendor orders (as the operator reads them), by vendor handle. */
export async function vendorOrdersByHandle(api: Api, admin: Headers, orderId: string): Promise<Record<string, any>> {
  const split = (await api.get(`/admin/orders/${orderId}/vendor-orders`, admin)).data.vendor_orders
  return Object.fromEntries(split.map((v: any) => [v.vendor.handle, v]))
}

/** The vendor (a member's `headers`) accepts, fulfills everything, ships and delivers; returns the fulfillment's id. */
export async function deliverVendorOrder(api: Api, headers: Headers, vendorOrderId: string): Promise<string> {
  const url = `/vendor/orders/${vendorOrderId}`
  await api.post(`${url}/accept`, {}, headers)
  const f = (await api.post(`${url}/fulfillments`, {}, headers)).data.vendor_order.fulfillments[0].id
  await api.post(`${url}/fulfillments/${f}/shipments`, {}, headers)
  await api.post(`${url}/fulfillments/${f}/mark-as-delivered`, {}, headers)
  return f
}

/**
 * A placed order, captured and delivered by every vendor in it (each logged
 * in with `login(handle)`). Returns its vendor orders by vendor handle, as
 * they were read before delivery.
 */
export async function deliveredVendorOrders(
  api: Api,
  admin: Headers,
  orderId: string,
  login: (handle: string) => Promise<Headers>
): Promise<Record<string, any>> {
  await capturedOrder(api, admin, orderId)
  const byHandle = await vendorOrdersByHandle(api, admin, orderId)
  for (const [handle, vo] of Object.entries(byHandle)) await deliverVendorOrder(api, await login(handle), vo.id)
  return byHandle
}
