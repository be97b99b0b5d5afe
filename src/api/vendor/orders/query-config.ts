import { VENDOR_ORDER_FIELDS } from "../../utils/vendor-orders"

export const listVendorOrdersQueryConfig = {
  defaults: VENDOR_ORDER_FIELDS,
  defaultLimit: 20,
  isList: true,
}
