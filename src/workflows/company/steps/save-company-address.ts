import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"

export type SaveCompanyAddressInput = { company_id: string; address_id?: string; data: Record<string, unknown> }

const FLAGS = ["is_default_shipping", "is_default_billing"] as const

/**
 * Creates or changes a company address; a new default takes the flag from
 * the old default (saveCompanyAddress, under a lock on the company).
 * Compensation deletes a created address, or restores a changed one and the
 * defaults as they were.
 */
export const saveCompanyAddressStep = createStep(
  "save-company-address",
  async (input: SaveCompanyAddressInput, { container }) => {
    const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
    const before = await companies.listCompanyAddresses({ company_id: input.company_id })
    const written = await companies.saveCompanyAddress(input.company_id, input.address_id ?? null, input.data)
    // Read back: the row as stored, with the database's timestamps.
    const saved = await companies.retrieveCompanyAddress(written.id)
    return new StepResponse(saved, { created: input.address_id ? null : saved.id, before })
  },
  async (undo, { container }) => {
    if (!undo) return
    const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
    if (undo.created) await companies.deleteCompanyAddresses([undo.created])
    // Flags off first, so restoring the old defaults cannot meet the one-default indexes.
    const flagged = undo.before.filter((a) => FLAGS.some((f) => a[f]))
    await companies.updateCompanyAddresses(undo.before.map((a) => ({ id: a.id, is_default_shipping: false, is_default_billing: false })))
    await companies.updateCompanyAddresses(
      undo.before.map((a) => {
        const { company, created_at, updated_at, deleted_at, ...columns } = a as typeof a & { company?: unknown; deleted_at?: unknown }
        return flagged.includes(a) ? columns : { ...columns, is_default_shipping: false, is_default_billing: false }
      })
    )
  }
)
