import { vendorStatusChangeHandler } from "../../status-change"

/** POST /admin/vendors/:id/approve (409 when the current status does not allow it). */
export const POST = vendorStatusChangeHandler("approve")
