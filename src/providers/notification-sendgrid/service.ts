import { MailService } from "@sendgrid/mail"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { render } from "../../lib/notification-templates"

export type SendgridNotificationOptions = {
  api_key: string
  /** The sender, e.g. "Lilium <no-reply@example.com>" or "no-reply@example.com". */
  from: string
  /** Where the SDK sends requests; only set to point at a local fake in tests. */
  api_base?: string
  /** The layout's marketplace name (default: env MARKETPLACE_NAME, else "Lilium"). */
  marketplace_name?: string
  /** Intl locale for amounts (default "en"). */
  locale?: string
}

// mail-service.js keeps its own Client in `.client`; the published d.ts leaves it out.
type WithClient = { client: { setDefaultRequest: (key: "baseUrl", value: string) => unknown } }

type SendgridError = Error & { code?: number; response?: { body?: unknown } }

function sendgridReason(error: SendgridError): string {
  const body = error.response?.body
  const errors = body && typeof body === "object" && "errors" in body && Array.isArray(body.errors) ? body.errors : []
  const messages = errors.map((e: { message?: unknown }) => String(e?.message ?? "")).filter(Boolean)
  return [error.code ? `HTTP ${error.code}` : "", messages.join("; ") || error.message].filter(Boolean).join(": ")
}

/**
 * E-mail through SendGrid with Lilium's own templates: the notification's
 * template and data are rendered by src/lib/notification-templates and sent
 * as subject, text and HTML (Medusa's notification-sendgrid sends either a
 * SendGrid dynamic template or HTML only, without text). Explicit `content`
 * on a notification wins over the rendered parts. Uses its own MailService,
 * so nothing else in the process shares (or resets) its API key and base URL.
 */
export default class SendgridNotificationProvider extends AbstractNotificationProviderService {
  static identifier = "notification-sendgrid-lilium"
  protected readonly options_: SendgridNotificationOptions
  protected readonly logger_?: Logger
  protected readonly mail_: MailService

  static validateOptions(options: Record<string, unknown>) {
    const problems: string[] = []
    if (typeof options.api_key !== "string" || !options.api_key.trim()) problems.push("api_key is required (env SENDGRID_API_KEY)")
    if (typeof options.from !== "string" || !/@/.test(options.from)) problems.push("from must be an e-mail address (env SENDGRID_FROM)")
    if (options.api_base !== undefined && (typeof options.api_base !== "string" || !/^https?:\/\//.test(options.api_base)))
      problems.push("api_base must be an http(s) URL (env SENDGRID_API_BASE)")
    if (problems.length)
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid SendGrid notification options: ${problems.join("; ")}`)
  }

  constructor({ logger }: { logger?: Logger }, options: SendgridNotificationOptions) {
    super()
    SendgridNotificationProvider.validateOptions(options)
    this.options_ = options
    this.logger_ = logger
    this.mail_ = new MailService()
    this.mail_.setApiKey(options.api_key)
    // After setApiKey, which resets the base URL to SendGrid's.
    if (options.api_base) (this.mail_ as unknown as WithClient).client.setDefaultRequest("baseUrl", options.api_base.replace(/\/?$/, "/"))
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    if (!notification?.to) throw new MedusaError(MedusaError.Types.INVALID_DATA, "A SendGrid e-mail needs a recipient (to).")
    const rendered = render(notification.template, notification.data ?? {}, {
      marketplaceName: this.options_.marketplace_name,
      locale: this.options_.locale,
    })
    const content = notification.content ?? {}
    const attachments = (notification.attachments ?? []).map((a) => ({
      content: a.content,
      filename: a.filename,
      type: a.content_type ?? undefined,
      disposition: a.disposition ?? undefined,
      contentId: a.id ?? undefined,
    }))
    try {
      const [response] = await this.mail_.send({
        to: notification.to,
        from: notification.from?.trim() || this.options_.from,
        subject: content.subject || rendered.subject,
        text: content.text || rendered.text,
        html: content.html || rendered.html,
        ...(attachments.length ? { attachments } : {}),
        // RFC 2369/8058: mail clients show their own unsubscribe button, which POSTs to the same signed link.
        ...(rendered.unsubscribeUrl
          ? { headers: { "List-Unsubscribe": `<${rendered.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } }
          : {}),
        customArgs: { template: notification.template },
      })
      const id = response?.headers?.["x-message-id"]
      return id ? { id: String(id) } : {}
    } catch (e) {
      const reason = sendgridReason(e as SendgridError)
      this.logger_?.warn(`SendGrid did not accept the ${notification.template} e-mail to ${notification.to}: ${reason}`)
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `SendGrid did not accept the e-mail (${notification.template}): ${reason}`)
    }
  }
}
