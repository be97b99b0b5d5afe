import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendNotificationsWorkflow } from "../workflows/notification/workflows/send-notifications"
import { storefrontUrl } from "../options"

type Customer = { id: string; email: string; first_name?: string | null; last_name?: string | null } | null
const nameOf = (c: Customer) => [c?.first_name, c?.last_name].filter(Boolean).join(" ") || c?.email || "An approver"

/** E-mails the employee who asked for approval the decision on their cart (approved or rejected, with the note). */
export default async function companyApprovalDecidedNotification({
  event,
  container,
}: SubscriberArgs<{ id: string; company_id: string; status: string }>) {
  if (event.data.status !== "approved" && event.data.status !== "rejected") return
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "company_approval",
    fields: ["id", "cart_id", "status", "note", "requested_by", "decided_by", "cart_total", "currency_code"],
    filters: { id: event.data.id },
  })
  const approval = data[0]
  if (!approval) return
  const people = await query.graph({
    entity: "company_employee",
    fields: ["id", "customer.id", "customer.email", "customer.first_name", "customer.last_name"],
    filters: { id: [approval.requested_by, approval.decided_by].filter(Boolean) as string[] },
  })
  const requester = people.data.find((e) => e.id === approval.requested_by)?.customer
  const approver = people.data.find((e) => e.id === approval.decided_by)?.customer
  if (!requester?.email) return
  await sendNotificationsWorkflow(container).run({
    input: {
      notifications: [
        {
          to: requester.email,
          channel: "email",
          template: "company-approval-decided",
          category: "orders",
          recipient: { type: "customer", id: requester.id },
          idempotency_key: `company-approval-decided-${approval.id}-${event.data.status}`,
          data: {
            status: event.data.status,
            approver_name: nameOf((approver ?? null) as Customer),
            note: approval.note ?? "",
            cart_total: Number(approval.cart_total),
            currency_code: approval.currency_code,
            cart_url: `${storefrontUrl()}/checkout?cart_id=${encodeURIComponent(approval.cart_id)}`,
          },
        },
      ],
    },
  })
}

export const config: SubscriberConfig = { event: "company_approval.decided" }
