import type { DemoCatalog } from "../../src/scripts/lib/demo-vendors"
import type { Api } from "./runner"
import { waitFor } from "./poll"
import type { INotificationModuleService } from "@medusajs/framework/types"
import { testContainer } from "./container"
import { Modules } from "@medusajs/framework/utils"

type Headers = { headers: Record<string, string> }

export const bearer = (token: string): Headers => ({ headers: { authorization: `Bearer ${token}` } })

/** Signs in the owner of a seeded demo vendor (password "lilium-vendor"), by the vendor's handle. */
export function demoVendorLogin(api: Api, catalog: () => DemoCatalog) {
  return async (handle: string): Promise<Headers> => {
    const email = catalog().vendors.find((v) => v.handle === handle)!.email
    const { data } = await api.post("/auth/vendor/emailpass", { email, password: "lilium-vendor" })
    return bearer(data.token)
  }
}

/** Registers a vendor login and applies, as a vendor panel would. */
export async function applyAsVendor(api: Api, opts: { name: string; email: string; password?: string; handle?: string; tax_id?: string }) {
  const password = opts.password ?? "vendor-password-1"
  const reg = await api.post("/auth/vendor/emailpass/register", { email: opts.email, password })
  const { data } = await api.post(
    "/vendor/vendors",
    {
      name: opts.name,
      handle: opts.handle,
      email: opts.email,
      tax_id: opts.tax_id,
      address: { address_1: "Werkstraße 1", city: "Köln", postal_code: "50667", country_code: "DE" },
      member: { email: opts.email, first_name: "Vera", last_name: "Vendor" },
    },
    bearer(reg.data.token)
  )
  const login = await api.post("/auth/vendor/emailpass", { email: opts.email, password })
  return { vendor: data.vendor, token: login.data.token as string, headers: bearer(login.data.token) }
}

/**
 * The newest `email-verification` e-mail to an address, as the notification
 * module keeps it, and the code its link carries. Read from the module, not
 * the operator's GET /admin/notifications, which masks the link (decision 66).
 * The application's subscriber sends it after the response, so this waits.
 */
export async function readVerificationCode(email: string): Promise<{ code: string; verify_url: string }> {
  const notifications: INotificationModuleService = testContainer().resolve(Modules.NOTIFICATION)
  const rows = await waitFor(
    () => notifications.listNotifications({ to: email, template: "email-verification" }, { order: { created_at: "DESC" } }),
    (list) => list.length > 0
  )
  if (!rows.length) throw new Error(`no email-verification e-mail to ${email}`)
  const verify_url = String(rows[0].data?.verify_url)
  return { code: new URL(verify_url).searchParams.get("token")!, verify_url }
}

/**
 * Confirms a vendor owner's e-mail the way the owner does: the link from the
 * verification e-mail sent at application → POST /auth/verification/confirm.
 * Approval needs it.
 */
export async function verifyOwnerEmail(api: Api, email: string) {
  const { code } = await readVerificationCode(email)
  const confirmed = await api.post("/auth/verification/confirm", { code })
  if (!confirmed.data.verified_at) throw new Error(`verification of ${email} failed: ${JSON.stringify(confirmed.data)}`)
  return confirmed.data
}

/** Applies, has the owner verify the e-mail and the operator approve, and adds one product with stock and a shipping option. */
export async function sellingVendor(
  api: Api,
  admin: Headers,
  opts: {
    name: string
    email: string
    product: { title: string; eur: number; usd?: number; stock: number }
    shipping: { eur: number; usd?: number }
  }
) {
  const v = await applyAsVendor(api, opts)
  await verifyOwnerEmail(api, opts.email)
  await api.post(`/admin/vendors/${v.vendor.id}/approve`, {}, admin)
  const prices = (p: { eur: number; usd?: number }) => [
    { currency_code: "eur", amount: p.eur },
    ...(p.usd !== undefined ? [{ currency_code: "usd", amount: p.usd }] : []),
  ]
  const created = await api.post(
    "/vendor/products",
    {
      title: opts.product.title,
      status: "published",
      options: [{ title: "Size", values: ["One"] }],
      variants: [
        { title: "One", sku: `${v.vendor.handle}-one`, manage_inventory: true, options: { Size: "One" }, prices: prices(opts.product) },
      ],
    },
    { ...v.headers, validateStatus: () => true }
  )
  if (created.status !== 200) throw new Error(`vendor product: ${created.status} ${JSON.stringify(created.data)}`)
  const product = created.data.product
  await api.post(
    `/vendor/products/${product.id}/variants/${product.variants[0].id}/inventory`,
    { stocked_quantity: opts.product.stock },
    v.headers
  )
  const { data: so } = await api.post(
    "/vendor/shipping-options",
    { name: `${opts.name} Standard`, prices: prices(opts.shipping) },
    v.headers
  )
  return { ...v, product, variant_id: product.variants[0].id as string, shipping_option: so.shipping_option }
}
