import { ModuleProvider } from "@medusajs/framework/utils"
import StripeConnectPayoutProvider from "./service"

export default ModuleProvider("payout", { services: [StripeConnectPayoutProvider] })
