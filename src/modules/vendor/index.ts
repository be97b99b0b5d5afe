import { Module } from "@medusajs/framework/utils"
import VendorModuleService from "./service"
import liliumOptionsLoader from "./loaders/lilium-options"

export const VENDOR_MODULE = "vendor"

export default Module(VENDOR_MODULE, {
  service: VendorModuleService,
  loaders: [liliumOptionsLoader],
})
