import { Module } from "@medusajs/framework/utils"
import AnalyticsModuleService from "./service"

// Not "analytics": that key is Medusa's own Analytics module (event tracking).
export const ANALYTICS_MODULE = "sales_analytics"

export default Module(ANALYTICS_MODULE, {
  service: AnalyticsModuleService,
})
