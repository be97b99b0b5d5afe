import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createCustomerAccountWorkflow } from "@medusajs/medusa/core-flows"
import { DEMO_BUYER, DEMO_BUYER_ADDRESS } from "./demo-orders"

/** Every demo buyer signs in with this password (POST /auth/customer/emailpass). */
export const DEMO_BUYER_PASSWORD = DEMO_BUYER.password

export type DemoPerson = {
  key: string
  email: string
  first_name: string
  last_name: string
  company_name?: string
  address: Record<string, string>
}
export type DemoBuyer = DemoPerson & { customer_id: string }

const address = (first_name: string, last_name: string, company: string, address_1: string, city: string, postal_code: string) => ({
  first_name,
  last_name,
  company,
  address_1,
  city,
  postal_code,
  country_code: "de",
  phone: "+49301234567",
})

/** Buyers without a company: the documented demo buyer and three more, so the analytics count several. */
export const DEMO_INDIVIDUAL_BUYERS: DemoPerson[] = [
  {
    key: "erika",
    email: DEMO_BUYER.email,
    first_name: "Erika",
    last_name: "Muster",
    company_name: "Muster GmbH",
    address: DEMO_BUYER_ADDRESS,
  },
  {
    key: "jonas",
    email: "jonas@kontor.demo",
    first_name: "Jonas",
    last_name: "Berg",
    company_name: "Kontor Berg",
    address: address("Jonas", "Berg", "Kontor Berg", "Speicherstadt 12", "Hamburg", "20457"),
  },
  {
    key: "claire",
    email: "claire@atelier.demo",
    first_name: "Claire",
    last_name: "Roux",
    company_name: "Atelier Roux",
    address: address("Claire", "Roux", "Atelier Roux", "Leopoldstraße 40", "München", "80802"),
  },
  {
    key: "sam",
    email: "sam@studio.demo",
    first_name: "Sam",
    last_name: "Keller",
    company_name: "Studio Keller",
    address: address("Sam", "Keller", "Studio Keller", "Domstraße 7", "Köln", "50668"),
  },
]

/** A customer with a login, made as Medusa's store registration makes one. */
export async function createDemoBuyer(container: MedusaContainer, person: DemoPerson): Promise<DemoBuyer> {
  const { authIdentity, error } = await container
    .resolve(Modules.AUTH)
    .register("emailpass", { body: { email: person.email, password: DEMO_BUYER_PASSWORD } })
  if (error || !authIdentity) throw new Error(`could not register ${person.email}: ${error}`)
  const { result: customer } = await createCustomerAccountWorkflow(container).run({
    input: {
      authIdentityId: authIdentity.id,
      customerData: { email: person.email, first_name: person.first_name, last_name: person.last_name, company_name: person.company_name },
    },
  })
  return { ...person, customer_id: customer.id }
}
