import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import OtpAuthProvider from "./service"

export default ModuleProvider(Modules.AUTH, { services: [OtpAuthProvider] })
