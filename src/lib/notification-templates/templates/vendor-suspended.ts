import { vendorStatusTemplate } from "./vendor-status"

/** vendor-suspended: the operator suspended the vendor (its products are hidden). data: see vendor-status.ts. */
export const vendorSuspended = vendorStatusTemplate(
  "suspended",
  (vendor, marketplace) => `${vendor} is suspended on ${marketplace}`,
  "{vendor} is suspended on {marketplace}: its products are not sold until the operator reinstates it."
)
