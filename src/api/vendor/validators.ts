import { z } from "@medusajs/framework/zod"
import {
  AdminCreateVariantPrice,
  AdminUpdateVariantPrice,
  CreateProduct,
  CreateProductVariant,
  UpdateProduct,
  UpdateProductVariant,
} from "@medusajs/medusa/api/admin/products/validators"
import { currencyDecimals, lineQuantity, moneyAmount } from "../../utils/money-input"
import { VENDOR_ROLES } from "../../modules/vendor/models/vendor-member"
import { findParams, httpUrl, taxId } from "../utils/validation"

export const handle = z
  .string()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "handle must be lower-case letters, digits and single dashes")

export const vendorAddress = z
  .object({
    address_1: z.string().max(200).optional(),
    address_2: z.string().max(200).nullish(),
    city: z.string().max(100).optional(),
    postal_code: z.string().max(20).optional(),
    province: z.string().max(100).nullish(),
    country_code: z
      .string()
      .length(2)
      .transform((c) => c.toLowerCase()),
  })
  .strict()

/** Profile fields a vendor (or the operator) may set. */
export const vendorProfile = {
  name: z.string().trim().min(1).max(200),
  legal_name: z.string().trim().max(200).nullish(),
  tax_id: taxId.nullish(),
  registration_number: z.string().trim().max(100).nullish(),
  email: z
    .string()
    .email()
    .transform((e) => e.toLowerCase()),
  phone: z.string().trim().max(40).nullish(),
  address: vendorAddress.nullish(),
  logo_url: httpUrl.nullish(),
  description: z.string().max(5000).nullish(),
  default_currency_code: z
    .string()
    .length(3)
    .transform((c) => c.toLowerCase())
    .optional(),
}

export const VendorApply = z
  .object({
    ...vendorProfile,
    handle: handle.optional(),
    member: z
      .object({
        email: z
          .string()
          .email()
          .transform((e) => e.toLowerCase()),
        first_name: z.string().trim().max(100).nullish(),
        last_name: z.string().trim().max(100).nullish(),
      })
      .strict(),
  })
  .strict()
export type VendorApplyType = z.infer<typeof VendorApply>

export const VendorUpdateMe = z
  .object({
    name: vendorProfile.name.optional(),
    legal_name: vendorProfile.legal_name,
    tax_id: vendorProfile.tax_id,
    registration_number: vendorProfile.registration_number,
    email: vendorProfile.email.optional(),
    phone: vendorProfile.phone,
    address: vendorProfile.address,
    logo_url: vendorProfile.logo_url,
    description: vendorProfile.description,
    default_currency_code: vendorProfile.default_currency_code,
    // Owner only (vendorMfaSettingGuard): every member must complete 2FA at sign-in.
    require_member_mfa: z.boolean({ error: "require_member_mfa must be true or false" }).optional(),
  })
  .strict()
export type VendorUpdateMeType = z.infer<typeof VendorUpdateMe>

export const VendorRole = z.enum([...VENDOR_ROLES])

// Medusa's own product bodies, minus what the marketplace decides for the
// vendor: the sales channel and the shipping profile.
// Variant prices follow the shared amount rules (src/utils/money-input.ts):
// not negative, finite, at most MARKETPLACE_MAX_AMOUNT, no more decimals
// than the currency has. An updated amount must name its currency.
const priceQuantities = { min_quantity: lineQuantity().nullish(), max_quantity: lineQuantity().nullish() }
const VendorCreateVariantPrice = AdminCreateVariantPrice.extend({ amount: moneyAmount("nonnegative"), ...priceQuantities }).superRefine(
  currencyDecimals()
)
const VendorUpdateVariantPrice = AdminUpdateVariantPrice.extend({
  amount: moneyAmount("nonnegative").optional(),
  ...priceQuantities,
}).superRefine((p, ctx) => {
  if (p.amount !== undefined && !p.currency_code)
    ctx.addIssue({ code: "custom", path: ["currency_code"], message: "currency_code is required with amount" })
  currencyDecimals()(p, ctx)
})
const vendorVariants = {
  create: z.array(CreateProductVariant.extend({ prices: z.array(VendorCreateVariantPrice) })).optional(),
  update: z.array(UpdateProductVariant.extend({ prices: z.array(VendorUpdateVariantPrice).optional() })).optional(),
}
// Image and thumbnail URLs are shown to buyers and operators: http(s) only.
const productMedia = {
  thumbnail: httpUrl.nullish(),
}
export const VendorCreateProduct = CreateProduct.omit({
  sales_channels: true,
  shipping_profile_id: true,
  external_id: true,
}).extend({
  ...productMedia,
  images: z
    .array(z.object({ url: httpUrl }).strict())
    .max(50)
    .optional(),
  variants: vendorVariants.create,
})
export const VendorUpdateProduct = UpdateProduct.omit({
  sales_channels: true,
  shipping_profile_id: true,
  external_id: true,
}).extend({
  ...productMedia,
  images: z
    .array(z.object({ id: z.string().optional(), url: httpUrl }).strict())
    .max(50)
    .optional(),
  variants: vendorVariants.update,
})

// Adding to an existing product (Medusa Admin's option and variant routes, on the vendor's own product).
const optionValue = z.string().trim().min(1).max(100)
const stockedQuantity = z.number().int().min(0).max(100_000_000)
const onePricePerCurrency = (prices: { currency_code?: string }[] | undefined, ctx: z.RefinementCtx) => {
  const seen = new Set<string>()
  ;(prices ?? []).forEach((p, i) => {
    if (p.currency_code === undefined) return
    const code = p.currency_code.toLowerCase()
    if (!/^[a-z]{3}$/.test(code))
      ctx.addIssue({ code: "custom", path: ["prices", i, "currency_code"], message: "currency_code must be an ISO 4217 code" })
    if (seen.has(code)) ctx.addIssue({ code: "custom", path: ["prices", i], message: "one price per currency" })
    seen.add(code)
  })
}
/** POST /vendor/products/:id/options/:option_id: rename the option, or add values to it for this product. */
export const VendorUpdateProductOption = z
  .object({ title: optionValue.optional(), values: z.array(optionValue).min(1).max(50).optional() })
  .strict()
  .refine((b) => b.title !== undefined || b.values !== undefined, { message: "give a title or values to add" })
export type VendorUpdateProductOptionType = z.infer<typeof VendorUpdateProductOption>
/** POST /vendor/products/:id/variants: one variant; `options` maps each option title of the product to a value. */
export const VendorCreateProductVariant = z
  .object({
    title: z.string().trim().min(1).max(200),
    sku: z.string().trim().min(1).max(100).nullish(),
    options: z.record(z.string(), optionValue).refine((o) => Object.keys(o).length > 0, { message: "give a value for each option" }),
    prices: z.array(VendorCreateVariantPrice).min(1).max(20),
    manage_inventory: z.boolean().optional(),
    // Stock at the vendor's own location (only with manage_inventory, the default).
    stocked_quantity: stockedQuantity.optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    onePricePerCurrency(b.prices, ctx)
    if (b.manage_inventory === false && b.stocked_quantity !== undefined)
      ctx.addIssue({ code: "custom", path: ["stocked_quantity"], message: "stocked_quantity needs manage_inventory" })
  })
export type VendorCreateProductVariantType = z.infer<typeof VendorCreateProductVariant>
/** POST /vendor/products/:id/variants/:variant_id: `prices` replaces the variant's prices (Medusa's update). */
export const VendorUpdateProductVariant = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    sku: z.string().trim().min(1).max(100).nullish(),
    prices: z.array(VendorUpdateVariantPrice).min(1).max(20).optional(),
  })
  .strict()
  .superRefine((b, ctx) => onePricePerCurrency(b.prices, ctx))
export type VendorUpdateProductVariantType = z.infer<typeof VendorUpdateProductVariant>

export const VendorSetStock = z.object({ stocked_quantity: stockedQuantity }).strict()

export const VendorCreateShippingOption = z
  .object({
    name: z.string().trim().min(1).max(200),
    prices: z
      .array(
        z
          .object({
            currency_code: z
              .string()
              .length(3)
              .transform((c) => c.toLowerCase()),
            amount: moneyAmount("nonnegative"),
          })
          .strict()
          .superRefine(currencyDecimals())
      )
      .min(1)
      .refine((p) => new Set(p.map((x) => x.currency_code)).size === p.length, {
        message: "one price per currency",
      }),
  })
  .strict()

// Not strict: q and order are accepted (and ignored) as they always were.
export const VendorListParams = findParams({ limit: 20 })
  .pick({ offset: true, limit: true, order: true })
  .extend({ q: z.string().optional() })
export type VendorListParamsType = z.infer<typeof VendorListParams>

export const VendorCreateInvite = z
  .object({
    email: z
      .string()
      .email()
      .transform((e) => e.toLowerCase()),
    role: VendorRole,
  })
  .strict()
export type VendorCreateInviteType = z.infer<typeof VendorCreateInvite>

export const VendorAcceptInvite = z
  .object({
    token: z.string().min(20).max(200),
    first_name: z.string().trim().max(100).nullish(),
    last_name: z.string().trim().max(100).nullish(),
  })
  .strict()
export type VendorAcceptInviteType = z.infer<typeof VendorAcceptInvite>

export const VendorUpdateMember = z.object({ role: VendorRole }).strict()
export type VendorUpdateMemberType = z.infer<typeof VendorUpdateMember>
