import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import SendgridNotificationProvider from "./service"

export default ModuleProvider(Modules.NOTIFICATION, { services: [SendgridNotificationProvider] })
