import type {
  AuthenticationInput,
  AuthenticationResponse,
  AuthIdentityDTO,
  AuthIdentityProviderService,
  Logger,
} from "@medusajs/framework/types"
import { AbstractAuthModuleProvider, MedusaError } from "@medusajs/framework/utils"
import { codeMatches, codeUnusable, normalizeIdentifier, OTP_ACTOR_TYPES, OTP_PROVIDER, type OtpState } from "../../lib/one-time-code"

export type OtpAuthProviderOptions = {
  /** The server secret the code digests are keyed with; Lilium passes its JWT secret. */
  secret: string
}

// One answer for every failure, so that the response never tells an unknown
// address from a wrong, used, expired or dead code.
const REFUSED: AuthenticationResponse = { success: false, error: "The code is not valid. Request a new one." }
const CODE_PATTERN = /^\d{6}$/

/**
 * Lilium's `otp` auth provider: signs in a customer or vendor member with a
 * 6-digit code sent by e-mail or SMS (POST /auth/:actor_type/otp/request
 * issues it; Medusa's POST /auth/:actor_type/otp runs this).
 *
 * The code's digest lives in the `otp` provider identity of the account's own
 * auth identity (added next to its emailpass login when the first code is
 * issued), so a successful sign-in is the same identity, with the same
 * customer or vendor member, MFA and token freshness as a password sign-in.
 * A wrong code counts an attempt; the fifth kills the code; a right one is
 * cleared at once, so it works only once. Attempts for one identifier are
 * serialised by a lock in front of the route (src/api/auth/otp-sign-in-lock.ts).
 */
export default class OtpAuthProvider extends AbstractAuthModuleProvider {
  static identifier = OTP_PROVIDER
  static DISPLAY_NAME = "One-time code"

  protected readonly secret_: string
  protected readonly logger_: Logger

  static validateOptions(options: Record<string, unknown>) {
    if (typeof options?.secret !== "string" || options.secret.length < 16) {
      throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, "The otp auth provider needs options.secret (at least 16 characters).")
    }
  }

  constructor({ logger }: { logger: Logger }, options: OtpAuthProviderOptions) {
    super()
    this.secret_ = options.secret
    this.logger_ = logger
  }

  async authenticate(data: AuthenticationInput, identities: AuthIdentityProviderService): Promise<AuthenticationResponse> {
    const actorType = (data as AuthenticationInput & { actor_type?: string }).actor_type ?? ""
    const rawIdentifier = data.body?.identifier
    const code = data.body?.code
    if (!(OTP_ACTOR_TYPES as readonly string[]).includes(actorType)) return REFUSED
    if (typeof rawIdentifier !== "string" || typeof code !== "string" || !CODE_PATTERN.test(code)) return REFUSED
    const identifier = normalizeIdentifier(rawIdentifier)

    let identity: AuthIdentityDTO
    try {
      identity = await identities.retrieve({ entity_id: identifier })
    } catch {
      return REFUSED
    }
    const login = identity.provider_identities?.find((p) => p.provider === OTP_PROVIDER)
    const metadata = (login?.provider_metadata ?? {}) as Record<string, unknown>
    const state = metadata.otp as OtpState | undefined
    if (!state || codeUnusable(state, actorType)) return REFUSED

    if (!codeMatches(this.secret_, state, identifier, code)) {
      await identities.update(identifier, { provider_metadata: { ...metadata, otp: { ...state, attempts: state.attempts + 1 } } })
      return REFUSED
    }
    // Spent before the token is issued: the same code never signs in twice.
    await identities.update(identifier, { provider_metadata: { ...metadata, otp: null, last_sign_in_at: new Date().toISOString() } })
    // The identity must really be that actor (the emailpass identity is shared by a customer and a vendor member of one address).
    if (!identity.app_metadata?.[`${actorType}_id`]) return REFUSED
    return { success: true, authIdentity: identity }
  }
}
