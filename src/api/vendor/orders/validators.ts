import { z } from "@medusajs/framework/zod"
import { createOperatorMap } from "@medusajs/medusa/api/utils/validators"
import { findParams, httpUrl } from "../../utils/validation"
import { VENDOR_ORDER_STATUSES } from "../../../modules/vendor/models/vendor-order"

const status = z.enum([...VENDOR_ORDER_STATUSES])
// An ISO date or date-time; anything else is a 400, not a database error.
const isoDate = z.string().refine((v) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)), {
  message: "must be an ISO 8601 date, e.g. 2026-11-27 or 2026-11-27T10:00:00Z",
})

/**
 * Filters of vendor-order lists: status, a created_at range in Medusa's
 * operator form (created_at[$gte]=…), and q (display id or customer e-mail).
 */
export const vendorOrderFilters = {
  status: z.union([status, z.array(status)]).optional(),
  created_at: createOperatorMap(isoDate).optional(),
  q: z.string().trim().min(1).max(200).optional(),
}

export const VendorListOrders = findParams({ limit: 20, offset: 0, order: "-created_at" }).extend(vendorOrderFilters).strict()

export const VendorAcceptOrder = z.object({}).strict()

export const VendorRejectOrder = z.object({ reason: z.string().trim().min(1).max(1000) }).strict()
export type VendorRejectOrderType = z.infer<typeof VendorRejectOrder>

export const VendorCancelOrder = z.object({ reason: z.string().trim().min(1).max(1000).optional() }).strict()
export type VendorCancelOrderType = z.infer<typeof VendorCancelOrder>

export const VendorCreateFulfillment = z
  .object({
    items: z
      .array(z.object({ id: z.string().min(1), quantity: z.number().int().positive() }).strict())
      .min(1)
      .refine((items) => new Set(items.map((i) => i.id)).size === items.length, "each item may appear once")
      .optional(),
  })
  .strict()
export type VendorCreateFulfillmentType = z.infer<typeof VendorCreateFulfillment>

export const VendorCreateShipment = z
  .object({
    labels: z
      .array(
        z
          .object({
            tracking_number: z.string().trim().min(1).max(200),
            tracking_url: httpUrl.optional(),
            label_url: httpUrl.optional(),
          })
          .strict()
      )
      .max(50)
      .optional(),
  })
  .strict()
export type VendorCreateShipmentType = z.infer<typeof VendorCreateShipment>

export const VendorMarkDelivered = z.object({}).strict()

export const VendorReceiveReturn = z
  .object({
    items: z
      .array(z.object({ id: z.string().min(1), quantity: z.number().int().positive() }).strict())
      .min(1)
      .refine((items) => new Set(items.map((i) => i.id)).size === items.length, "each item may appear once"),
    note: z.string().trim().max(1000).optional(),
  })
  .strict()
export type VendorReceiveReturnType = z.infer<typeof VendorReceiveReturn>
