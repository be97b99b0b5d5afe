import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { requestOwnEmailVerification } from "../lib/email-verification"

/**
 * A customer who registered (has_account) gets a verification e-mail for the
 * address they sign in with. Guest customers (no account) and logins without
 * an e-mail password get nothing.
 */
export default async function customerCreatedEmailVerification({ event, container }: SubscriberArgs<{ id: string }>) {
  const [customer] = await container
    .resolve(Modules.CUSTOMER)
    .listCustomers({ id: event.data.id }, { select: ["id", "has_account"], take: 1 })
  if (!customer?.has_account) return
  const [identity] = await container
    .resolve(Modules.AUTH)
    .listAuthIdentities({ app_metadata: { customer_id: customer.id } }, { select: ["id"], take: 1 })
  if (!identity) return
  await requestOwnEmailVerification(container, identity.id, "customer")
}

export const config: SubscriberConfig = { event: "customer.created" }
