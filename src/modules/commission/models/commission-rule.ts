import { model } from "@medusajs/framework/utils"

export const COMMISSION_SCOPES = ["global", "vendor", "product_category", "product_type", "product_collection", "product"] as const
export type CommissionScope = (typeof COMMISSION_SCOPES)[number]

/**
 * What the marketplace charges a vendor on a line: a percentage of the
 * line's discounted, tax-exclusive amount, or a flat amount per unit in one
 * currency; optionally clamped per line. The most specific matching scope
 * wins, within the vendor floor (docs/commission.md). Rules are never hard-deleted, and lines keep a
 * snapshot of the rate they used, so editing a rule never changes the past.
 */
export const CommissionRule = model
  .define("commission_rule", {
    id: model.id({ prefix: "crule" }).primaryKey(),
    name: model.text().searchable(),
    rate_type: model.enum(["percentage", "flat"]),
    value: model.bigNumber(),
    currency_code: model.text().nullable(),
    min_amount: model.bigNumber().nullable(),
    max_amount: model.bigNumber().nullable(),
    scope_type: model.enum([...COMMISSION_SCOPES]),
    scope_id: model.text().nullable(),
    priority: model.number().default(0),
    starts_at: model.dateTime().nullable(),
    ends_at: model.dateTime().nullable(),
    include_shipping: model.boolean().default(false),
    is_active: model.boolean().default(true),
    /**
     * For catalogue scopes (category, collection, type) only: the rule may
     * charge less than the vendor's floor (its vendor rule, else the global
     * rule). Without it a catalogue rule can raise a vendor's commission but
     * never lower it, because vendors choose their products' catalogue
     * tags (docs/commission.md).
     */
    overrides_vendor_floor: model.boolean().default(false),
    metadata: model.json().nullable(),
  })
  .indexes([{ on: ["scope_type", "scope_id"] }, { on: ["is_active"] }])
