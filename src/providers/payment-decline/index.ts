import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import DeclinePaymentProvider from "./service"

export default ModuleProvider(Modules.PAYMENT, { services: [DeclinePaymentProvider] })
