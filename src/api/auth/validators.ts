import { z } from "@medusajs/framework/zod"

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
