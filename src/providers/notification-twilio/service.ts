import twilio from "twilio"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import type RequestClient from "twilio/lib/base/RequestClient"
import { render } from "../../lib/notification-templates"

export type TwilioNotificationOptions = {
  /** AC…, the account the messages are sent from. */
  account_sid: string
  auth_token: string
  /** The sending number (E.164) or alphanumeric sender id; or messaging_service_sid. */
  from?: string
  messaging_service_sid?: string
  /** Where the SDK sends requests; only set to point at a local fake in tests. */
  api_base?: string
  /** The marketplace name in the messages (default: env MARKETPLACE_NAME, else "Lilium"). */
  marketplace_name?: string
  locale?: string
}

/**
 * Twilio's own HTTP client, sending to another origin: the SDK builds
 * absolute https://api.twilio.com/… URIs, and its edge/region settings only
 * change the twilio.com host name, so a test's fake needs the URI rewritten.
 */
class BaseUrlRequestClient extends twilio.RequestClient {
  constructor(private readonly base: string) {
    super()
  }

  request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const uri = new URL(opts.uri)
    return super.request<TData>({ ...opts, uri: new URL(uri.pathname + uri.search, this.base).toString() })
  }
}

type TwilioError = Error & { status?: number; code?: number; moreInfo?: string }

/**
 * SMS through Twilio (channel `sms`) with Lilium's templates: the body is
 * the rendered template's short `sms` form (explicit `content.text` wins).
 * Returns Twilio's message SID as the notification's external id.
 */
export default class TwilioNotificationProvider extends AbstractNotificationProviderService {
  static identifier = "notification-twilio-lilium"
  protected readonly options_: TwilioNotificationOptions
  protected readonly logger_?: Logger
  protected readonly client_: twilio.Twilio

  static validateOptions(options: Record<string, unknown>) {
    const problems: string[] = []
    if (typeof options.account_sid !== "string" || !/^AC\w+$/.test(options.account_sid))
      problems.push("account_sid must be a Twilio account SID starting with AC (env TWILIO_ACCOUNT_SID)")
    if (typeof options.auth_token !== "string" || !options.auth_token.trim())
      problems.push("auth_token is required (env TWILIO_AUTH_TOKEN)")
    if (!options.from && !options.messaging_service_sid)
      problems.push("from or messaging_service_sid is required (env TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID)")
    if (options.api_base !== undefined && (typeof options.api_base !== "string" || !/^https?:\/\//.test(options.api_base)))
      problems.push("api_base must be an http(s) URL (env TWILIO_API_BASE)")
    if (problems.length)
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid Twilio notification options: ${problems.join("; ")}`)
  }

  constructor({ logger }: { logger?: Logger }, options: TwilioNotificationOptions) {
    super()
    TwilioNotificationProvider.validateOptions(options)
    this.options_ = options
    this.logger_ = logger
    this.client_ = twilio(options.account_sid, options.auth_token, {
      ...(options.api_base ? { httpClient: new BaseUrlRequestClient(options.api_base) } : {}),
    })
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    if (!notification?.to) throw new MedusaError(MedusaError.Types.INVALID_DATA, "An SMS needs a recipient (to).")
    const rendered = render(notification.template, notification.data ?? {}, {
      marketplaceName: this.options_.marketplace_name,
      locale: this.options_.locale,
    })
    // An explicit sender on the notification wins; else the messaging service picks one; else `from`.
    const sender = notification.from?.trim()
      ? { from: notification.from.trim() }
      : this.options_.messaging_service_sid
        ? { messagingServiceSid: this.options_.messaging_service_sid }
        : { from: this.options_.from }
    try {
      const message = await this.client_.messages.create({
        to: notification.to,
        body: notification.content?.text || rendered.sms,
        ...sender,
      })
      return { id: message.sid }
    } catch (e) {
      const err = e as TwilioError
      const reason = [err.status ? `HTTP ${err.status}` : "", err.code ? `code ${err.code}` : "", err.message].filter(Boolean).join(", ")
      this.logger_?.warn(`Twilio did not accept the ${notification.template} SMS to ${notification.to}: ${reason}`)
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Twilio did not accept the SMS (${notification.template}): ${reason}`)
    }
  }
}
