import { z } from "@medusajs/framework/zod"
import { OTP_CHANNELS } from "../../lib/one-time-code"

/** Lilium's password policy (issue 16): Medusa's emailpass takes any non-empty string. */
export const MIN_PASSWORD_LENGTH = 8
// scrypt takes any length; the cap keeps a hostile body from costing more than a sign-in.
export const MAX_PASSWORD_LENGTH = 256

export const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`)
  .max(MAX_PASSWORD_LENGTH, `The password must be at most ${MAX_PASSWORD_LENGTH} characters long.`)

/** POST /store/customers/me/password, /vendor/me/password, /admin/users/me/password. */
export const ChangePassword = z
  .object({
    current_password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
    new_password: newPassword,
  })
  .strict()
export type ChangePasswordType = z.infer<typeof ChangePassword>

/** POST /auth/{customer|vendor}/otp/request: the account's e-mail; the code goes by e-mail or to the account's phone. */
export const RequestOtpCode = z
  .object({
    identifier: z.string().trim().email("identifier must be an e-mail address.").max(254),
    channel: z.enum(OTP_CHANNELS).optional(),
  })
  .strict()
export type RequestOtpCodeType = z.infer<typeof RequestOtpCode>

/**
 * POST /auth/{customer|vendor}/otp (Medusa's authenticate route with the otp
 * provider): only the shape is checked here; whether the code is right is
 * the provider's 401.
 */
export const OtpSignIn = z
  .object({
    identifier: z.string().trim().email("identifier must be an e-mail address.").max(254),
    code: z.string().regex(/^\d{6}$/, "code must be the 6 digits that were sent."),
  })
  .strict()
