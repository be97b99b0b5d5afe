import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createInventoryLevelsWorkflow, updateInventoryLevelsWorkflow } from "@medusajs/medusa/core-flows"
import type { VendorRequest } from "../../../../../context"
import { loadVendorSetup } from "../../../../../helpers"
import { scopedParam } from "../../../../../scope"

/**
 * POST /vendor/products/:id/variants/:variant_id/inventory {stocked_quantity}:
 * sets the variant's stock at the vendor's own location, through Medusa's
 * inventory workflows.
 */
export async function POST(req: VendorRequest<{ stocked_quantity: number }>, res: MedusaResponse) {
  const vendorId = req.vendor_context.vendor.id
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "product_id", "inventory_items.inventory_item_id", "inventory_items.inventory.location_levels.location_id"],
    filters: { id: scopedParam(req, "variant_id"), product_id: scopedParam(req, "id") },
  })
  const variant = data[0]
  const itemId = variant?.inventory_items?.[0]?.inventory_item_id
  if (!variant) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Variant with id: ${scopedParam(req, "variant_id")} was not found`)
  }
  if (!itemId) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This variant does not manage inventory.")
  }
  const { stock_location_id } = await loadVendorSetup(req.scope, vendorId)
  const hasLevel = (variant.inventory_items?.[0]?.inventory?.location_levels ?? []).some((l) => l?.location_id === stock_location_id)
  const level = { inventory_item_id: itemId, location_id: stock_location_id, stocked_quantity: req.validatedBody.stocked_quantity }
  if (hasLevel) {
    await updateInventoryLevelsWorkflow(req.scope).run({ input: { updates: [level] } })
  } else {
    await createInventoryLevelsWorkflow(req.scope).run({ input: { inventory_levels: [level] } })
  }
  res.json({
    inventory_level: {
      variant_id: variant.id,
      inventory_item_id: itemId,
      location_id: stock_location_id,
      stocked_quantity: req.validatedBody.stocked_quantity,
    },
  })
}
