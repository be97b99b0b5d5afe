import { z } from "@medusajs/framework/zod"
import { COMPANY_STATUSES, PAYMENT_TERMS } from "../../../modules/company/models/company"
import { moneyAmount } from "../../../utils/money-input"
import { findParams, pageParams } from "../../utils/validation"
import { COMPANY_SORTABLE } from "./query-config"

const oneOrMany = <T extends readonly [string, ...string[]]>(values: T) => z.union([z.enum(values), z.array(z.enum(values)).min(1)])

/**
 * GET /admin/companies: Medusa's list parameters (offset, limit ≤ 100,
 * order, fields with an allow-list) and the filters status, payment_terms
 * (one or several) and q (part of the name, e-mail or tax id, any case).
 */
export const AdminListCompanies = findParams({ limit: 20, offset: 0 })
  .extend({
    q: z.string().trim().max(200).optional(),
    status: oneOrMany(COMPANY_STATUSES).optional(),
    payment_terms: oneOrMany(PAYMENT_TERMS).optional(),
    order: z
      .string()
      .regex(new RegExp(`^-?(${COMPANY_SORTABLE.join("|")})$`), {
        message: `order must be one of ${COMPANY_SORTABLE.join(", ")}, with - for descending`,
      })
      .default("-created_at"),
  })
  // Companies are not deleted through the API; nothing to show with with_deleted.
  .omit({ with_deleted: true })
  .strict()
export type AdminListCompaniesType = z.infer<typeof AdminListCompanies>

/** GET /admin/companies/:id/orders: newest first, paged. */
export const AdminListCompanyOrders = pageParams({ limit: 20 }).strict()
export type AdminListCompanyOrdersType = z.infer<typeof AdminListCompanyOrders>

export const AdminUpdateCompany = z
  .object({
    status: z.enum([...COMPANY_STATUSES]).optional(),
    payment_terms: z.enum([...PAYMENT_TERMS]).optional(),
    // In the company's currency (its decimals are checked by the workflow); null removes the limit.
    credit_limit: moneyAmount("nonnegative").nullable().optional(),
  })
  .strict()
export type AdminUpdateCompanyType = z.infer<typeof AdminUpdateCompany>
