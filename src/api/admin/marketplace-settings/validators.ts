import { z } from "@medusajs/framework/zod"

export const AdminUpdateMarketplaceSettings = z
  .object({
    require_admin_mfa: z.boolean({ error: "require_admin_mfa is required and must be true or false" }),
  })
  .strict()
export type AdminUpdateMarketplaceSettingsType = z.infer<typeof AdminUpdateMarketplaceSettings>
