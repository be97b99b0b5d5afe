import { vendorStatusTemplate } from "./vendor-status"

/** vendor-approved: the operator approved the vendor's application. data: see vendor-status.ts. */
export const vendorApproved = vendorStatusTemplate(
  "approved",
  (vendor, marketplace) => `${vendor} is approved on ${marketplace}`,
  "Good news: {vendor} is approved. You can now list products and receive orders on {marketplace}."
)
