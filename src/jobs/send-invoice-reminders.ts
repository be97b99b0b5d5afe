import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendOverdueInvoiceReminders } from "../workflows/invoice/workflows/send-invoice-reminders"

/**
 * Daily (env INVOICE_REMINDER_SCHEDULE, cron, default 07:00 UTC): e-mails a
 * company's admins about each of its overdue invoices, at most once a week
 * per invoice (sendOverdueInvoiceReminders; claimed by compare-and-set, so
 * several workers are safe).
 */
export default async function sendInvoiceRemindersJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const { reminded } = await sendOverdueInvoiceReminders(container)
    if (reminded) logger.info(`Invoice reminders: ${reminded} overdue invoices reminded`)
  } catch (e) {
    logger.error(`The invoice reminder run failed: ${(e as Error).message}`)
  }
}

export const config = {
  name: "send-invoice-reminders",
  schedule: process.env.INVOICE_REMINDER_SCHEDULE || "0 7 * * *",
}
