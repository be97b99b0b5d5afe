import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import { requireVendorRole } from "../context"
import { CATALOG } from "../roles"
import {
  VendorCreateProduct,
  VendorCreateProductVariant,
  VendorListParams,
  VendorSetStock,
  VendorUpdateProduct,
  VendorUpdateProductOption,
  VendorUpdateProductVariant,
} from "../validators"

export const vendorProductsRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/vendor/products", method: ["GET"], middlewares: [validateQuery(VendorListParams)] },
  { matcher: "/vendor/products", method: ["POST"], middlewares: [requireVendorRole(...CATALOG), validateBody(VendorCreateProduct)] },
  { matcher: "/vendor/products/:id", method: ["POST"], middlewares: [requireVendorRole(...CATALOG), validateBody(VendorUpdateProduct)] },
  { matcher: "/vendor/products/:id", method: ["DELETE"], middlewares: [requireVendorRole(...CATALOG)] },
  {
    matcher: "/vendor/products/:id/options/:option_id",
    method: ["POST"],
    middlewares: [requireVendorRole(...CATALOG), validateBody(VendorUpdateProductOption)],
  },
  {
    matcher: "/vendor/products/:id/variants",
    method: ["POST"],
    middlewares: [requireVendorRole(...CATALOG), validateBody(VendorCreateProductVariant)],
  },
  {
    matcher: "/vendor/products/:id/variants/:variant_id",
    method: ["POST"],
    middlewares: [requireVendorRole(...CATALOG), validateBody(VendorUpdateProductVariant)],
  },
  { matcher: "/vendor/products/:id/variants/:variant_id", method: ["DELETE"], middlewares: [requireVendorRole(...CATALOG)] },
  {
    matcher: "/vendor/products/:id/variants/:variant_id/inventory",
    method: ["POST"],
    middlewares: [requireVendorRole(...CATALOG), validateBody(VendorSetStock)],
  },
]
