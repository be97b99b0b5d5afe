import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import VendorCustomerLink from "../../../links/vendor-customer"
import { VENDOR_MODULE } from "../../../modules/vendor"

type Pair = { vendor_id: string; customer_id: string }

/**
 * Links the customer to each vendor it bought from (vendor ↔ customer), once
 * per pair. Compensation removes the links this step created.
 */
export const linkVendorCustomersStep = createStep(
  "link-vendor-customers",
  async (pairs: Pair[], { container }) => {
    const wanted = pairs.filter((p) => p.customer_id)
    if (!wanted.length) return new StepResponse([], [])
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: existing } = await query.graph({
      entity: VendorCustomerLink.entryPoint,
      fields: ["vendor_id", "customer_id"],
      filters: { customer_id: [...new Set(wanted.map((p) => p.customer_id))], vendor_id: wanted.map((p) => p.vendor_id) },
    })
    const has = new Set(existing.map((e: any) => `${e.vendor_id}:${e.customer_id}`))
    const missing = wanted.filter((p) => !has.has(`${p.vendor_id}:${p.customer_id}`))
    if (!missing.length) return new StepResponse([], [])
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    const defs = missing.map((p) => ({
      [VENDOR_MODULE]: { vendor_id: p.vendor_id },
      [Modules.CUSTOMER]: { customer_id: p.customer_id },
    }))
    await link.create(defs)
    return new StepResponse(missing, defs)
  },
  async (defs, { container }) => {
    if (!defs?.length) return
    await container.resolve(ContainerRegistrationKeys.LINK).dismiss(defs)
  }
)
