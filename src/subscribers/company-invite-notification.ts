import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendNotificationsWorkflow } from "../workflows/notification/workflows/send-notifications"
import { COMPANY_MODULE } from "../modules/company"
import type CompanyModuleService from "../modules/company/service"
import { storefrontUrl } from "../options"

type InviteCreated = { id: string; company_id: string; email: string; role: string; token: string }

/**
 * Emails the invitee the accept link: the storefront's page that calls
 * POST /store/companies/invites/accept with the token, once signed in.
 */
export default async function companyInviteNotification({ event, container }: SubscriberArgs<InviteCreated>) {
  const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
  const [company] = await companies.listCompanies({ id: event.data.company_id }, { select: ["id", "name"] })
  if (!company) return
  await sendNotificationsWorkflow(container).run({
    input: {
      notifications: [
        {
          to: event.data.email,
          channel: "email",
          template: "company-invite",
          // The invitee may have no account (no preferences), and the link is a credential (security mail).
          category: "security",
          recipient: null,
          idempotency_key: `company-invite-${event.data.id}`,
          data: {
            company_name: company.name,
            role: event.data.role,
            accept_url: `${storefrontUrl()}/company-invite?token=${encodeURIComponent(event.data.token)}`,
          },
        },
      ],
    },
  })
}

export const config: SubscriberConfig = { event: "company.invite_created" }
