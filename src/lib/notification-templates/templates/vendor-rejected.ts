import { vendorStatusTemplate } from "./vendor-status"

/** vendor-rejected: the operator turned the vendor's application down. data: see vendor-status.ts. */
export const vendorRejected = vendorStatusTemplate(
  "rejected",
  (vendor, marketplace) => `Your application for ${vendor} on ${marketplace}`,
  "We are sorry: the application for {vendor} on {marketplace} was not approved."
)
