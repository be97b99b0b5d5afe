import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { QUOTE_MODULE } from "../modules/quote"
import type QuoteModuleService from "../modules/quote/service"
import { vendorPanelUrl } from "../options"
import { readQuoteParties } from "../utils/quote-parties"
import { sendNotificationsWorkflow } from "../workflows/notification/workflows/send-notifications"

/** E-mails each vendor's order handlers that a buyer asks them for a quote (their own lines only). */
export default async function quoteRequestedNotification({ event, container }: SubscriberArgs<{ id: string }>) {
  const parties = await readQuoteParties(container, event.data.id)
  if (!parties) return
  const quotes: QuoteModuleService = container.resolve(QUOTE_MODULE)
  const items = await quotes.listVendorQuoteItems(
    { vendor_quote_id: parties.vendors.map((v) => v.vendor_quote_id) },
    { select: ["vendor_quote_id", "title", "quantity"] }
  )
  const panel = vendorPanelUrl()
  const notifications = parties.vendors.flatMap((v) =>
    v.recipients.map((r) => ({
      to: r.email,
      channel: "email" as const,
      template: "vendor-quote-requested",
      category: "orders" as const,
      recipient: { type: "vendor_member" as const, id: r.member_id },
      idempotency_key: `vendor-quote-requested-${v.vendor_quote_id}-${r.member_id}`,
      data: {
        vendor_name: v.vendor_name,
        buyer_name: parties.buyer.name,
        items: items.filter((i) => i.vendor_quote_id === v.vendor_quote_id).map((i) => ({ title: i.title, quantity: i.quantity })),
        message: parties.quote.message ?? "",
        quote_url: `${panel}/quotes/${v.vendor_quote_id}`,
      },
    }))
  )
  if (notifications.length) await sendNotificationsWorkflow(container).run({ input: { notifications } })
}

export const config: SubscriberConfig = { event: "quote.requested" }
