import { z } from "@medusajs/framework/zod"
import { handle, vendorProfile } from "../../vendor/validators"
import { VENDOR_STATUSES } from "../../../modules/vendor/models/vendor"
import { currencyDecimals, moneyAmount } from "../../../utils/money-input"
import { pageParams } from "../../utils/validation"

export const AdminListVendors = pageParams({ limit: 20 })
  .extend({
    q: z.string().trim().max(200).optional(),
    status: z.union([z.enum([...VENDOR_STATUSES]), z.array(z.enum([...VENDOR_STATUSES]))]).optional(),
    order: z
      .string()
      .regex(/^-?(created_at|name|handle|status)$/)
      .default("-created_at"),
  })
  .strict()
export type AdminListVendorsType = z.infer<typeof AdminListVendors>

export const AdminCreateVendor = z
  .object({
    ...vendorProfile,
    handle: handle.optional(),
    status: z.enum(["pending", "active"]).default("active"),
    owner: z
      .object({
        email: z
          .string()
          .email()
          .transform((e) => e.toLowerCase()),
        first_name: z.string().trim().max(100).nullish(),
        last_name: z.string().trim().max(100).nullish(),
      })
      .strict()
      .optional(),
  })
  .strict()
export type AdminCreateVendorType = z.infer<typeof AdminCreateVendor>

export const AdminUpdateVendor = z
  .object({
    name: vendorProfile.name.optional(),
    handle: handle.optional(),
    legal_name: vendorProfile.legal_name,
    tax_id: vendorProfile.tax_id,
    registration_number: vendorProfile.registration_number,
    email: vendorProfile.email.optional(),
    phone: vendorProfile.phone,
    address: vendorProfile.address,
    logo_url: vendorProfile.logo_url,
    description: vendorProfile.description,
    default_currency_code: vendorProfile.default_currency_code,
    metadata: z.record(z.string(), z.unknown()).nullish(),
  })
  .strict()
export type AdminUpdateVendorType = z.infer<typeof AdminUpdateVendor>

export const AdminVendorStatusChange = z.object({ reason: z.string().trim().max(2000).optional() }).strict()
export type AdminVendorStatusChangeType = z.infer<typeof AdminVendorStatusChange>

export const AdminListVendorProducts = pageParams({ limit: 20 }).strict()
export type AdminListVendorProductsType = z.infer<typeof AdminListVendorProducts>

export const AdminCreateAdjustment = z
  .object({
    amount: moneyAmount("nonzero"),
    currency_code: z
      .string()
      .length(3)
      .transform((c) => c.toLowerCase()),
    reason: z.string().trim().min(3).max(1000),
    idempotency_key: z.string().min(1).max(200).optional(),
  })
  .strict()
  .superRefine(currencyDecimals())
export type AdminCreateAdjustmentType = z.infer<typeof AdminCreateAdjustment>
