import { Module } from "@medusajs/framework/utils"
import PayoutModuleService from "./service"
import payoutProvidersLoader from "./loaders/providers"

export const PAYOUT_MODULE = "payout"

export default Module(PAYOUT_MODULE, {
  service: PayoutModuleService,
  loaders: [payoutProvidersLoader],
})
