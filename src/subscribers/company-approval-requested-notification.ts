import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendNotificationsWorkflow } from "../workflows/notification/workflows/send-notifications"
import { storefrontUrl } from "../options"

type Customer = { id: string; email: string; first_name?: string | null; last_name?: string | null } | null
const nameOf = (c: Customer) => [c?.first_name, c?.last_name].filter(Boolean).join(" ") || c?.email || "An employee"

/**
 * E-mails the company's approvers and admins (not the requester) that a cart
 * waits for their approval. Each recipient's "orders" preference applies.
 */
export default async function companyApprovalRequestedNotification({
  event,
  container,
}: SubscriberArgs<{ id: string; company_id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "company_approval",
    fields: ["id", "requested_by", "cart_total", "currency_code", "company.name"],
    filters: { id: event.data.id },
  })
  const approval = data[0]
  if (!approval) return
  const employees = await query.graph({
    entity: "company_employee",
    fields: ["id", "role", "customer.id", "customer.email", "customer.first_name", "customer.last_name"],
    filters: { company_id: event.data.company_id },
  })
  const requester = employees.data.find((e) => e.id === approval.requested_by)
  const deciders = employees.data.filter((e) => e.id !== approval.requested_by && (e.role === "admin" || e.role === "approver"))
  const notifications = deciders
    .filter((e) => e.customer?.email)
    .map((e) => ({
      to: e.customer!.email as string,
      channel: "email" as const,
      template: "company-approval-requested",
      category: "orders" as const,
      recipient: { type: "customer" as const, id: e.customer!.id as string },
      idempotency_key: `company-approval-requested-${approval.id}-${e.id}`,
      data: {
        company_name: approval.company?.name ?? "",
        requester_name: nameOf((requester?.customer ?? null) as Customer),
        cart_total: Number(approval.cart_total),
        currency_code: approval.currency_code,
        approvals_url: `${storefrontUrl()}/account/company/approvals`,
      },
    }))
  if (notifications.length) await sendNotificationsWorkflow(container).run({ input: { notifications } })
}

export const config: SubscriberConfig = { event: "company_approval.requested" }
