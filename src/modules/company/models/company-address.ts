import { model } from "@medusajs/framework/utils"
import { Company } from "./company"

/**
 * A company's address, in Medusa's customer-address shape (so a storefront
 * copies it into a cart's shipping or billing address as it is). At most one
 * default shipping and one default billing address per company (partial
 * unique indexes; the service moves the flag under a lock on the company).
 */
export const CompanyAddress = model
  .define("company_address", {
    id: model.id({ prefix: "caddr" }).primaryKey(),
    address_name: model.text().nullable(),
    is_default_shipping: model.boolean().default(false),
    is_default_billing: model.boolean().default(false),
    company_name: model.text().nullable(),
    first_name: model.text().nullable(),
    last_name: model.text().nullable(),
    address_1: model.text(),
    address_2: model.text().nullable(),
    city: model.text(),
    country_code: model.text(),
    province: model.text().nullable(),
    postal_code: model.text().nullable(),
    phone: model.text().nullable(),
    company: model.belongsTo(() => Company, { mappedBy: "addresses" }),
  })
  .indexes([
    {
      on: ["company_id"],
      unique: true,
      where: "deleted_at IS NULL AND is_default_shipping = true",
      name: "IDX_company_address_default_shipping",
    },
    {
      on: ["company_id"],
      unique: true,
      where: "deleted_at IS NULL AND is_default_billing = true",
      name: "IDX_company_address_default_billing",
    },
  ])
