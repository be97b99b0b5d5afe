import { VENDOR_ORDER_FIELDS } from "../../utils/vendor-orders"

// A vendor order's own fields, its items and shipping methods, and its
// vendor's public profile: never the master order (other vendors' lines,
// payments) through the vendor_order ↔ order link.
export const listVendorOrdersQueryConfig = {
  defaults: VENDOR_ORDER_FIELDS,
  allowed: VENDOR_ORDER_FIELDS,
  defaultLimit: 20,
  isList: true,
}
