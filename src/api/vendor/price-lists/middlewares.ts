import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import { requireVendorRole } from "../context"
import { CATALOG } from "../roles"
import { VendorCreatePriceList, VendorListPriceLists, VendorUpdatePriceList } from "./validators"

// Prices are catalogue: every member reads them, the catalogue roles change them.
export const vendorPriceListsRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/vendor/price-lists", method: ["GET"], middlewares: [validateQuery(VendorListPriceLists)] },
  { matcher: "/vendor/price-lists", method: ["POST"], middlewares: [requireVendorRole(...CATALOG), validateBody(VendorCreatePriceList)] },
  {
    matcher: "/vendor/price-lists/:id",
    method: ["POST"],
    middlewares: [requireVendorRole(...CATALOG), validateBody(VendorUpdatePriceList)],
  },
  { matcher: "/vendor/price-lists/:id", method: ["DELETE"], middlewares: [requireVendorRole(...CATALOG)] },
]
