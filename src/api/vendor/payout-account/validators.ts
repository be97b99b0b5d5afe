import { z } from "@medusajs/framework/zod"
import { httpUrl } from "../../utils/validation"

export const SetPayoutAccount = z
  .object({
    provider: z.string().min(1).max(50),
    details: z.record(z.string(), z.unknown()).optional(),
    country_code: z
      .string()
      .length(2)
      .transform((c) => c.toUpperCase())
      .optional(),
  })
  .strict()
export type SetPayoutAccountType = z.infer<typeof SetPayoutAccount>

export const OnboardingLinkBody = z.object({ return_url: httpUrl.optional(), refresh_url: httpUrl.optional() }).strict()
export type OnboardingLinkBodyType = z.infer<typeof OnboardingLinkBody>
