import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createShippingOptionsWorkflow } from "@medusajs/medusa/core-flows"
import type { VendorRequest } from "../context"
import { loadVendorSetup } from "../helpers"

const FIELDS = [
  "id",
  "name",
  "price_type",
  "provider_id",
  "shipping_profile_id",
  "service_zone_id",
  "prices.amount",
  "prices.currency_code",
  "rules.attribute",
  "rules.value",
  "created_at",
]

/** is_return from the option's rules (approval creates one free return option per vendor). */
const present = ({ rules, ...option }: any) => ({
  ...option,
  is_return: (rules ?? []).some((r: any) => r.attribute === "is_return" && r.value === "true"),
})

/** GET /vendor/shipping-options: the options of the vendor's own shipping profile, delivery and return. */
export async function GET(req: VendorRequest, res: MedusaResponse) {
  const { offset, limit } = req.validatedQuery as { offset: number; limit: number }
  const { shipping_profile_id } = await loadVendorSetup(req.scope, req.vendor_context.vendor.id)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "shipping_option",
    fields: FIELDS,
    filters: { shipping_profile_id },
    pagination: { skip: offset, take: limit, order: { created_at: "ASC" } },
  })
  res.json({ shipping_options: data.map(present), count: metadata?.count ?? data.length, offset, limit })
}

/**
 * POST /vendor/shipping-options {name, prices}: a flat-rate option in the
 * vendor's service zone, for its shipping profile, fulfilled manually.
 */
export async function POST(req: VendorRequest<{ name: string; prices: { currency_code: string; amount: number }[] }>, res: MedusaResponse) {
  const setup = await loadVendorSetup(req.scope, req.vendor_context.vendor.id)
  const { result } = await createShippingOptionsWorkflow(req.scope).run({
    input: [
      {
        name: req.validatedBody.name,
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: setup.service_zone_id,
        shipping_profile_id: setup.shipping_profile_id,
        type: { label: "Standard", description: req.validatedBody.name, code: "standard" },
        prices: req.validatedBody.prices,
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "shipping_option", fields: FIELDS, filters: { id: result[0].id } })
  res.status(200).json({ shipping_option: present(data[0]) })
}
