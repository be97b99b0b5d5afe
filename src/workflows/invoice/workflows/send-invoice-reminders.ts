import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { INVOICE_REMINDER_INTERVAL_DAYS } from "../../../lib/invoice-terms"
import { rawAmount, roundHalfEven } from "../../../lib/money"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import { sendNotificationsWorkflow } from "../../notification/workflows/send-notifications"

const DAY = 86_400_000
const PAGE = 100

/**
 * E-mails a reminder (`invoice-overdue`) for each overdue invoice — open and
 * past payment_due_at — to its company's admins, at most once per
 * INVOICE_REMINDER_INTERVAL_DAYS per invoice (issue 19). Each reminder is
 * claimed first by compare-and-set on reminded_at
 * (CompanyModuleService.claimInvoiceReminder), so two workers running the
 * job at once send it once; if sending fails, the claim is given back for
 * the next run. `now` is a parameter so tests move time instead of waiting.
 * Returns how many invoices were reminded.
 */
export async function sendOverdueInvoiceReminders(container: MedusaContainer, now: Date = new Date()) {
  const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const notSince = new Date(now.getTime() - INVOICE_REMINDER_INTERVAL_DAYS * DAY)
  let reminded = 0
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await query.graph({
      entity: "company_order",
      fields: [
        "id",
        "company_id",
        "currency_code",
        "amount_due",
        "raw_amount_due",
        "payment_due_at",
        "reminded_at",
        "order.display_id",
        "company.name",
      ],
      filters: { invoice_status: "open", payment_due_at: { $lt: now } },
      pagination: { skip, take: PAGE, order: { payment_due_at: "ASC", id: "ASC" } },
    })
    for (const inv of data as any[]) {
      if (inv.reminded_at && new Date(inv.reminded_at) > notSince) continue
      if (!(await companies.claimInvoiceReminder(inv.id, now, notSince))) continue
      const { data: admins } = await query.graph({
        entity: "company_employee",
        fields: ["id", "customer.id", "customer.email"],
        filters: { company_id: inv.company_id, role: "admin" },
      })
      const dueAt = new Date(inv.payment_due_at)
      const notifications = (admins as any[])
        .filter((e) => e.customer?.email)
        .map((e) => ({
          to: e.customer.email as string,
          channel: "email" as const,
          template: "invoice-overdue",
          category: "orders" as const,
          recipient: { type: "customer" as const, id: e.customer.id as string },
          idempotency_key: `invoice-overdue-${inv.id}-${e.id}-${now.toISOString().slice(0, 10)}`,
          resource_id: inv.id,
          resource_type: "invoice",
          data: {
            company_name: inv.company?.name ?? "",
            order_display_id: inv.order?.display_id ?? null,
            amount_due: roundHalfEven(rawAmount(inv, "amount_due"), inv.currency_code).numeric,
            currency_code: inv.currency_code,
            due_date: dueAt.toISOString().slice(0, 10),
            days_overdue: Math.floor((now.getTime() - dueAt.getTime()) / DAY),
          },
        }))
      try {
        if (notifications.length) await sendNotificationsWorkflow(container).run({ input: { notifications } })
        reminded++
      } catch (e) {
        await companies.updateCompanyOrders({ id: inv.id, reminded_at: inv.reminded_at ?? null })
        throw e
      }
    }
    if (data.length < PAGE) break
  }
  return { reminded }
}
