import { MedusaService } from "@medusajs/framework/utils"
import { Company } from "./models/company"
import { CompanyEmployee } from "./models/company-employee"
import { CompanyInvite } from "./models/company-invite"

/** Buying companies, their employees and invites. Writes go through src/workflows/company. */
class CompanyModuleService extends MedusaService({ Company, CompanyEmployee, CompanyInvite }) {}

export default CompanyModuleService
