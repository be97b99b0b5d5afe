import { Modules, PriceListStatus, PriceListType } from "@medusajs/framework/utils"
import type { CreatePriceListWorkflowInputDTO, LinkDefinition } from "@medusajs/framework/types"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createPriceListsWorkflow, createRemoteLinkStep } from "@medusajs/medusa/core-flows"
import { VENDOR_MODULE } from "../../../modules/vendor"
import { loadPriceListCompanyStep } from "../steps/load-price-list-company"

export type VendorPriceListPrice = {
  variant_id: string
  currency_code: string
  amount: number
  min_quantity?: number | null
  max_quantity?: number | null
}

export type CreateVendorPriceListInput = {
  vendor_id: string
  company_id: string
  title: string
  description?: string
  starts_at?: string | null
  ends_at?: string | null
  /** Variants the caller proved to be the vendor's own (assertVendorOwns) before running this. */
  prices: VendorPriceListPrice[]
}

/** The price rule that limits a list to one company: its customer group holds every employee. */
export const COMPANY_GROUP_RULE = "customer.groups.id"

/**
 * A vendor's prices for one buying company: Medusa's createPriceListsWorkflow
 * with an active "override" price list whose rule is the company's customer
 * group, then the vendor ↔ price list link. The company must exist and be
 * active (400 before anything is written); if the link fails, Medusa's step
 * deletes the price list again.
 */
export const createVendorPriceListWorkflow = createWorkflow("create-vendor-price-list", (input: CreateVendorPriceListInput) => {
  const company = loadPriceListCompanyStep(transform({ input }, ({ input }) => ({ company_id: input.company_id })))
  const data = transform({ input, company }, ({ input, company }): CreatePriceListWorkflowInputDTO[] => {
    // Medusa's DTO leaves out `type`, which its step passes on to the pricing module (as the admin route does).
    const list: CreatePriceListWorkflowInputDTO & { type: PriceListType } = {
      title: input.title,
      description: input.description ?? "",
      starts_at: input.starts_at ?? null,
      ends_at: input.ends_at ?? null,
      status: PriceListStatus.ACTIVE,
      type: PriceListType.OVERRIDE,
      rules: { [COMPANY_GROUP_RULE]: [company.customer_group_id] },
      // For the operator's Medusa Admin: who made it and for whom (the rule is what applies).
      metadata: { vendor_id: input.vendor_id, company_id: company.id },
      prices: input.prices.map((p) => ({
        variant_id: p.variant_id,
        currency_code: p.currency_code,
        amount: p.amount,
        min_quantity: p.min_quantity ?? null,
        max_quantity: p.max_quantity ?? null,
      })),
    }
    return [list]
  })
  const lists = createPriceListsWorkflow.runAsStep({ input: { price_lists_data: data } })
  createRemoteLinkStep(
    transform({ input, lists }, ({ input, lists }): LinkDefinition[] =>
      lists.map((l) => ({
        [VENDOR_MODULE]: { vendor_id: input.vendor_id },
        [Modules.PRICING]: { price_list_id: l.id },
      }))
    )
  )
  return new WorkflowResponse(transform({ lists }, ({ lists }) => lists[0]))
})
