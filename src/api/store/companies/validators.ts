import { z } from "@medusajs/framework/zod"
import { COMPANY_ROLES, SPENDING_PERIODS } from "../../../modules/company/models/company-employee"
import { currencyDecimals, moneyAmount } from "../../../utils/money-input"
import { APPROVAL_STATUSES } from "../../../modules/company/models/company-approval"
import { pageParams, taxId } from "../../utils/validation"

const email = z
  .string()
  .trim()
  .email()
  .max(254)
  .transform((e) => e.toLowerCase())

// Amounts in the company's currency: the schema allows any sane amount, the workflow checks its decimals.
const spendingLimit = moneyAmount("nonnegative").nullable()

export const StoreCreateCompany = z
  .object({
    name: z.string().trim().min(1).max(200),
    email,
    tax_id: taxId.nullish(),
    phone: z.string().trim().max(40).nullish(),
  })
  .strict()
export type StoreCreateCompanyType = z.infer<typeof StoreCreateCompany>

export const StoreCreateCompanyInvite = z
  .object({
    email,
    role: z.enum([...COMPANY_ROLES]),
    spending_limit: spendingLimit.optional(),
    spending_period: z.enum([...SPENDING_PERIODS]).nullish(),
  })
  .strict()
export type StoreCreateCompanyInviteType = z.infer<typeof StoreCreateCompanyInvite>

export const StoreAcceptCompanyInvite = z.object({ token: z.string().min(20).max(200) }).strict()
export type StoreAcceptCompanyInviteType = z.infer<typeof StoreAcceptCompanyInvite>

export const StoreUpdateCompanyEmployee = z
  .object({
    role: z.enum([...COMPANY_ROLES]).optional(),
    spending_limit: spendingLimit.optional(),
    spending_period: z.enum([...SPENDING_PERIODS]).nullish(),
  })
  .strict()
export type StoreUpdateCompanyEmployeeType = z.infer<typeof StoreUpdateCompanyEmployee>

export const StoreListCompanyEmployees = pageParams({ limit: 50 }).strict()
export type StoreListCompanyEmployeesType = z.infer<typeof StoreListCompanyEmployees>

export const StoreSetApprovalSettings = z
  .object({
    currency_code: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{3}$/, "must be a three-letter ISO 4217 code")
      .transform((c) => c.toLowerCase()),
    // null turns approvals off.
    approval_threshold: moneyAmount("nonnegative").nullable(),
  })
  .strict()
  .superRefine(currencyDecimals(["approval_threshold"]))
export type StoreSetApprovalSettingsType = z.infer<typeof StoreSetApprovalSettings>

export const StoreListCompanyApprovals = pageParams({ limit: 20 })
  .extend({ status: z.enum([...APPROVAL_STATUSES]).optional() })
  .strict()
export type StoreListCompanyApprovalsType = z.infer<typeof StoreListCompanyApprovals>

export const StoreDecideApproval = z.object({ note: z.string().trim().max(1000).nullish() }).strict()
export type StoreDecideApprovalType = z.infer<typeof StoreDecideApproval>

export const StoreRequestCartApproval = z.object({}).strict()
