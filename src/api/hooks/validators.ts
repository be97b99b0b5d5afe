import { z } from "@medusajs/framework/zod"

const token = z.string().min(1).max(1024)

/** GET|POST /hooks/notifications/unsubscribe?token=… (other query keys, e.g. a mail tracker's, are ignored). */
export const UnsubscribeQuery = z.object({ token: token.optional() })

/** POST body: RFC 8058's one-click form field, and/or the token (a storefront page may post it as JSON). */
export const UnsubscribeBody = z.object({ token: token.optional(), "List-Unsubscribe": z.literal("One-Click").optional() }).strict()
