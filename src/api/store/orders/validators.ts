import { z } from "@medusajs/framework/zod"

/** POST /store/orders/:id/reorder: no body. */
export const StoreReorder = z.object({}).strict()
