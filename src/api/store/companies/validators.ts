import { z } from "@medusajs/framework/zod"
import { COMPANY_ROLES, SPENDING_PERIODS } from "../../../modules/company/models/company-employee"
import { currencyDecimals, moneyAmount } from "../../../utils/money-input"
import { APPROVAL_STATUSES } from "../../../modules/company/models/company-approval"
import { pageParams, taxId } from "../../utils/validation"
import { isTimeZone } from "../../../lib/spending-period"

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

const shortText = (max: number) => z.string().trim().max(max)

export const StoreUpdateCompany = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    email: email.optional(),
    tax_id: taxId.nullish(),
    phone: shortText(40).nullish(),
    // An IANA zone (Europe/Berlin): where the company's calendar weeks and months of spending start.
    timezone: z.string().trim().max(64).refine(isTimeZone, { message: "must be an IANA time zone such as Europe/Berlin" }).optional(),
  })
  .strict()
export type StoreUpdateCompanyType = z.infer<typeof StoreUpdateCompany>

export const StoreListCompanyInvites = pageParams({ limit: 20 }).strict()
export type StoreListCompanyInvitesType = z.infer<typeof StoreListCompanyInvites>

// Medusa's customer-address shape (`company` is the name on the label).
const addressFields = {
  address_name: shortText(100).nullish(),
  is_default_shipping: z.boolean().optional(),
  is_default_billing: z.boolean().optional(),
  company: shortText(200).nullish(),
  first_name: shortText(100).nullish(),
  last_name: shortText(100).nullish(),
  address_1: z.string().trim().min(1).max(200),
  address_2: shortText(200).nullish(),
  city: z.string().trim().min(1).max(100),
  country_code: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, "must be a two-letter ISO 3166-1 code")
    .transform((c) => c.toLowerCase()),
  province: shortText(100).nullish(),
  postal_code: shortText(20).nullish(),
  phone: shortText(40).nullish(),
}
export const StoreCreateCompanyAddress = z.object(addressFields).strict()
export type StoreCreateCompanyAddressType = z.infer<typeof StoreCreateCompanyAddress>
export const StoreUpdateCompanyAddress = z
  .object(addressFields)
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: "Nothing to change: give at least one field." })
export type StoreUpdateCompanyAddressType = z.infer<typeof StoreUpdateCompanyAddress>
