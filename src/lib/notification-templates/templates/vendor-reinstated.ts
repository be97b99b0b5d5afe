import { vendorStatusTemplate } from "./vendor-status"

/** vendor-reinstated: the operator lifted a suspension. data: see vendor-status.ts. */
export const vendorReinstated = vendorStatusTemplate(
  "reinstated",
  (vendor, marketplace) => `${vendor} is active again on ${marketplace}`,
  "{vendor} is active again: its products are back on sale on {marketplace}."
)
