import { z } from "@medusajs/framework/zod"
import { COMPANY_STATUSES, PAYMENT_TERMS } from "../../../modules/company/models/company"
import { moneyAmount } from "../../../utils/money-input"
import { pageParams } from "../../utils/validation"

export const AdminListCompanies = pageParams({ limit: 20 })
  .extend({
    q: z.string().trim().max(200).optional(),
    status: z.union([z.enum([...COMPANY_STATUSES]), z.array(z.enum([...COMPANY_STATUSES]))]).optional(),
    order: z
      .string()
      .regex(/^-?(created_at|name|status)$/)
      .default("-created_at"),
  })
  .strict()
export type AdminListCompaniesType = z.infer<typeof AdminListCompanies>

export const AdminUpdateCompany = z
  .object({
    status: z.enum([...COMPANY_STATUSES]).optional(),
    payment_terms: z.enum([...PAYMENT_TERMS]).optional(),
    // In the company's currency (its decimals are checked by the workflow); null removes the limit.
    credit_limit: moneyAmount("nonnegative").nullable().optional(),
  })
  .strict()
export type AdminUpdateCompanyType = z.infer<typeof AdminUpdateCompany>
