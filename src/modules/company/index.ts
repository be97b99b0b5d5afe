import { Module } from "@medusajs/framework/utils"
import CompanyModuleService from "./service"

export const COMPANY_MODULE = "company"

export default Module(COMPANY_MODULE, {
  service: CompanyModuleService,
})

/** Hours a company invite stays valid (as vendor invites' default). */
export const COMPANY_INVITE_TTL_HOURS = 72
