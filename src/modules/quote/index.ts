import { Module } from "@medusajs/framework/utils"
import QuoteModuleService from "./service"

export const QUOTE_MODULE = "quote"

/** How long a vendor's answer holds when it names no date, and the furthest date it may name. */
export const QUOTE_VALIDITY = { defaultDays: 14, maxDays: 365 } as const

export default Module(QUOTE_MODULE, {
  service: QuoteModuleService,
})
