import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { QUOTE_MODULE } from "../modules/quote"
import type QuoteModuleService from "../modules/quote/service"
import { storefrontUrl, vendorPanelUrl } from "../options"
import { readQuoteParties } from "../utils/quote-parties"
import { sendNotificationsWorkflow } from "../workflows/notification/workflows/send-notifications"

/** E-mails the other side of a quote's thread: the vendor's order handlers when the buyer writes, the buyer when the vendor does. */
export default async function quoteMessageNotification({ event, container }: SubscriberArgs<{ id: string; vendor_quote_id: string }>) {
  const quotes: QuoteModuleService = container.resolve(QUOTE_MODULE)
  const [message] = await quotes.listQuoteMessages({ id: event.data.id }, { take: 1 })
  const [part] = await quotes.listVendorQuotes({ id: event.data.vendor_quote_id }, { select: ["id", "quote_id"], take: 1 })
  if (!message || !part) return
  const parties = await readQuoteParties(container, part.quote_id as string, [part.id])
  const vendor = parties?.vendors[0]
  if (!parties || !vendor) return
  const fromBuyer = message.author_type === "customer"
  const data = (url: string) => ({ author_name: fromBuyer ? parties.buyer.name : vendor.vendor_name, body: message.body, quote_url: url })
  const notifications = fromBuyer
    ? vendor.recipients.map((r) => ({
        to: r.email,
        channel: "email" as const,
        template: "quote-message",
        category: "orders" as const,
        recipient: { type: "vendor_member" as const, id: r.member_id },
        idempotency_key: `quote-message-${message.id}-${r.member_id}`,
        data: data(`${vendorPanelUrl()}/quotes/${part.id}`),
      }))
    : parties.buyer.email
      ? [
          {
            to: parties.buyer.email,
            channel: "email" as const,
            template: "quote-message",
            category: "orders" as const,
            recipient: { type: "customer" as const, id: parties.buyer.id },
            idempotency_key: `quote-message-${message.id}-${parties.buyer.id}`,
            data: data(`${storefrontUrl()}/account/quotes/${parties.quote.id}`),
          },
        ]
      : []
  if (notifications.length) await sendNotificationsWorkflow(container).run({ input: { notifications } })
}

export const config: SubscriberConfig = { event: "quote_message.created" }
