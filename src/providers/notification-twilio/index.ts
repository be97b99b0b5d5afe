import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import TwilioNotificationProvider from "./service"

export default ModuleProvider(Modules.NOTIFICATION, { services: [TwilioNotificationProvider] })
