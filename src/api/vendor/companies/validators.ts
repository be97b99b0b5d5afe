import type { z } from "@medusajs/framework/zod"
import { pageParams } from "../../utils/validation"

export const VendorListCompanies = pageParams({ limit: 50 }).strict()
export type VendorListCompaniesType = z.infer<typeof VendorListCompanies>
