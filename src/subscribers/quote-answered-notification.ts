import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { MathBN } from "@medusajs/framework/utils"
import { rawAmount } from "../lib/money"
import { QUOTE_MODULE } from "../modules/quote"
import type QuoteModuleService from "../modules/quote/service"
import { storefrontUrl } from "../options"
import { readQuoteParties } from "../utils/quote-parties"
import { sendNotificationsWorkflow } from "../workflows/notification/workflows/send-notifications"

/** E-mails the buyer a vendor's answer to its quote request: the quoted total and validity, or the reason it declined. */
export default async function quoteAnsweredNotification({ event, container }: SubscriberArgs<{ id: string; quote_id: string }>) {
  const quotes: QuoteModuleService = container.resolve(QUOTE_MODULE)
  const [part] = await quotes.listVendorQuotes({ id: event.data.id }, { relations: ["items"], take: 1 })
  const parties = part ? await readQuoteParties(container, event.data.quote_id, [part.id]) : null
  if (!part || !parties?.buyer.email) return
  const declined = event.name === "vendor_quote.declined"
  const total = part.items.reduce(
    (sum, i) => MathBN.add(sum, MathBN.mult(rawAmount(i as never, "unit_price"), i.quantity)),
    MathBN.convert(0)
  )
  await sendNotificationsWorkflow(container).run({
    input: {
      notifications: [
        {
          to: parties.buyer.email,
          channel: "email" as const,
          template: "quote-answered",
          category: "orders" as const,
          recipient: { type: "customer" as const, id: parties.buyer.id },
          // One mail per answer: a vendor answering again (a new price or date) is news too.
          idempotency_key: `quote-answered-${part.id}-${new Date(part.responded_at ?? Date.now()).getTime()}`,
          data: {
            vendor_name: parties.vendors[0]?.vendor_name ?? "",
            outcome: declined ? "declined" : "quoted",
            total: declined ? null : total.toFixed(),
            currency_code: part.currency_code,
            valid_until: part.valid_until ? new Date(part.valid_until).toISOString() : null,
            reason: part.decline_reason ?? "",
            message: part.response_message ?? "",
            quote_url: `${storefrontUrl()}/account/quotes/${parties.quote.id}`,
          },
        },
      ],
    },
  })
}

export const config: SubscriberConfig = { event: ["vendor_quote.answered", "vendor_quote.declined"] }
