import { z } from "@medusajs/framework/zod"
import { VENDOR_MEMBER_CATEGORIES } from "../../../modules/notification-preference/categories"
import { notificationPreferencesBody } from "../../utils/notification-preferences"

/** POST /vendor/me/notification-preferences: orders, payouts, account. */
export const VendorMemberNotificationPreferences = notificationPreferencesBody(VENDOR_MEMBER_CATEGORIES)

/** E.164: "+", a country code that does not start with 0, 7 to 15 digits in all; no spaces. */
export const E164_PHONE = /^\+[1-9]\d{6,14}$/

/**
 * POST /vendor/me/member: the calling member's own name and phone. `phone`
 * null removes it. An empty body changes nothing and is refused.
 */
export const VendorUpdateOwnMember = z
  .object({
    first_name: z.string().trim().min(1).max(100).nullable().optional(),
    last_name: z.string().trim().min(1).max(100).nullable().optional(),
    phone: z
      .string()
      .trim()
      .regex(E164_PHONE, "phone must be in E.164 form: + then the country code and number, digits only (for example +4915123456789)")
      .nullable()
      .optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, "Give at least one of first_name, last_name or phone.")

export type VendorUpdateOwnMemberType = z.infer<typeof VendorUpdateOwnMember>
