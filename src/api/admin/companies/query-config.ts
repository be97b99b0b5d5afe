import { COMPANY_FIELDS } from "../../store/companies/helpers"

/** The company fields an operator's list may ask for with `fields` (no relations: employees are in the detail). */
export const ADMIN_COMPANY_FIELDS: string[] = [...COMPANY_FIELDS]

export const COMPANY_SORTABLE = ["created_at", "updated_at", "name", "email", "status", "payment_terms"] as const

export const listCompaniesQueryConfig = {
  defaults: ADMIN_COMPANY_FIELDS,
  allowed: ADMIN_COMPANY_FIELDS,
  defaultLimit: 20,
  isList: true,
}
