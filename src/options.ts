import { z } from "@medusajs/framework/zod"
import { longestCronGapDays } from "./lib/cron-gap"

/** The longest wait between two runs Medusa's in-memory scheduler handles (setTimeout tops out at 24.8 days). */
const MAX_IN_MEMORY_CRON_GAP_DAYS = 24

/**
 * Lilium's settings (issue 15). A host store passes them as the plugin's
 * options in its medusa-config.ts:
 *
 *   plugins: [{ resolve: "@lilium/medusa-plugin", options: { payoutHoldDays: 7, … } }]
 *
 * Every setting resolves as: the plugin option, else its environment
 * variable **read at each call** (operators and tests change them at
 * runtime), else the default. The demo app passes no options, so it runs on
 * the environment exactly as before.
 *
 * The vendor module's loader (`modules/vendor/loaders/lilium-options.ts`)
 * validates the options together with the environment values they fall back
 * to when the app starts, and stores the options here; a problem stops the
 * start with a `LiliumOptionsError` naming the option and the env var.
 * Medusa gives every module of a plugin the whole options object; modules
 * load before routes, jobs, subscribers and workflows are imported, so
 * import-time reads (the payout job's schedule, the body limit) see them.
 */

export const LILIUM_PLUGIN = "@lilium/medusa-plugin"

// ---- checks --------------------------------------------------------------------

type Check = (v: unknown) => string | null
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v)
const number =
  (min: number, opts: { strict?: boolean; integer?: boolean } = {}): Check =>
  (v) => {
    if (!isNum(v)) return "must be a finite number"
    if (opts.integer && !Number.isInteger(v)) return "must be a whole number"
    if (opts.strict ? v <= min : v < min) return opts.strict ? `must be greater than ${min}` : `must be ≥ ${min}`
    return null
  }
const decimalsOf = (v: number) => {
  const [m, e] = String(v).split("e")
  return Math.max(0, (m.split(".")[1]?.length ?? 0) - Number(e ?? 0))
}
/** No ISO 4217 currency has more than 4 decimals (utils/money-input.ts MAX_ANY_DECIMALS). */
const amount: Check = (v) => number(0)(v) ?? (decimalsOf(v as number) > 4 ? "must have at most 4 decimals" : null)
const CRON_FIELD = /^[\d*/,\-A-Za-z?LW#]+$/
const cron: Check = (v) => {
  if (typeof v !== "string") return "must be a cron expression (a string)"
  const fields = v.trim().split(/\s+/)
  return (fields.length === 5 || fields.length === 6) && fields.every((f) => CRON_FIELD.test(f))
    ? null
    : "must be a 5- or 6-field cron expression"
}
const url: Check = (v) => {
  if (typeof v !== "string") return "must be a URL (a string)"
  try {
    const u = new URL(v)
    return u.protocol === "http:" || u.protocol === "https:" ? null : "must be an http(s) URL"
  } catch {
    return "must be an absolute URL"
  }
}
const SIZE = /^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i
const size: Check = (v) =>
  (typeof v === "string" && SIZE.test(v.trim())) || (isNum(v) && v > 0) ? null : 'must be a size such as "1mb" or "500kb"'
const string: Check = (v) => (typeof v === "string" ? null : "must be a string")
const trust: Check = (v) => (["string", "number", "boolean"].includes(typeof v) ? null : "must be a string, a number of hops or a boolean")

// ---- the settings ------------------------------------------------------------

type Setting = {
  /** The option, dotted for nested ones (limits.maxAmount). */
  option: string
  env?: string
  default: unknown
  check: Check
  /** Env values are numbers. */
  numeric?: boolean
  /** An invalid env value is not fatal at start (it is handled, and logged, where it is used). */
  lenientEnv?: boolean
  describe: string
}

const S = (
  option: string,
  env: string | undefined,
  dflt: unknown,
  check: Check,
  describe: string,
  extra: Partial<Setting> = {}
): Setting => ({
  option,
  env,
  default: dflt,
  check,
  describe,
  ...extra,
})

/** Every setting, its env var and default: the options table of the README comes from this list. */
export const LILIUM_SETTINGS: Setting[] = [
  S("payoutHoldDays", "MARKETPLACE_PAYOUT_HOLD_DAYS", 7, number(0), "days after delivery before a vendor's earnings are available", {
    numeric: true,
  }),
  S(
    "payoutAccountHoldHours",
    "MARKETPLACE_PAYOUT_ACCOUNT_HOLD_HOURS",
    48,
    number(0),
    "hours a changed payout destination waits before it receives payouts (0 = at once)",
    { numeric: true }
  ),
  S("minPayout", "MARKETPLACE_MIN_PAYOUT", 0, amount, "smallest available balance a payout run pays out (major units)", { numeric: true }),
  S("payoutSchedule", "MARKETPLACE_PAYOUT_SCHEDULE", "0 6 * * *", cron, "cron of the scheduled payout run (worker)"),
  S(
    "shipSlaHours",
    "MARKETPLACE_SHIP_SLA_HOURS",
    48,
    number(0, { strict: true }),
    "a vendor order shipped later than this after placing is late (analytics)",
    { numeric: true }
  ),
  S("vendorPanelUrl", "VENDOR_PANEL_URL", "http://localhost:5173", url, "vendor panel base URL used in emails and Stripe onboarding links"),
  S(
    "vendorCors",
    "VENDOR_CORS",
    undefined,
    string,
    "browser origins allowed to call /vendor/* and /auth/vendor/* (comma-separated, /regex/ allowed, as STORE_CORS); unset: the origin of vendorPanelUrl"
  ),
  S("storefrontUrl", "STOREFRONT_URL", "http://localhost:8000", url, "storefront base URL used in customers' emails (password reset)"),
  S(
    "adminUrl",
    "ADMIN_URL",
    "http://localhost:9000/app",
    url,
    "admin dashboard URL (Medusa's /app) used in admin users' password-reset emails"
  ),
  S(
    "backendUrl",
    "MEDUSA_BACKEND_URL",
    "http://localhost:9000",
    url,
    "public URL of this backend, used in links that call it from e-mails (one-click unsubscribe)"
  ),
  S(
    "stockAlertsSchedule",
    "STOCK_ALERTS_SCHEDULE",
    "* * * * *",
    cron,
    "cron of the back-in-stock safety-net check (worker): every variant with an active alert"
  ),
  S(
    "stockAlertsBatchSize",
    "STOCK_ALERTS_BATCH_SIZE",
    100,
    number(0, { strict: true, integer: true }),
    "back-in-stock alerts claimed and sent per workflow run",
    { numeric: true }
  ),
  S("vendorInviteTtlHours", "VENDOR_INVITE_TTL_HOURS", 72, number(0, { strict: true }), "hours a vendor member invite stays valid", {
    numeric: true,
  }),
  S(
    "limits.maxAmount",
    "MARKETPLACE_MAX_AMOUNT",
    1_000_000,
    number(0, { strict: true }),
    "largest amount any money field accepts (major units)",
    { numeric: true }
  ),
  S(
    "limits.maxQuantity",
    "MARKETPLACE_MAX_QUANTITY",
    10_000,
    number(0, { strict: true, integer: true }),
    "largest quantity of one cart line",
    { numeric: true }
  ),
  S("limits.httpBodyLimit", "HTTP_BODY_LIMIT", "1mb", size, "largest JSON request body"),
  S("rateLimit.windowMs", "RATE_LIMIT_WINDOW_MS", 60_000, number(0, { strict: true }), "rate-limit window (ms)", {
    numeric: true,
    lenientEnv: true,
  }),
  S("rateLimit.readMax", "RATE_LIMIT_READ_MAX", 600, number(0), "reads per IP (or credential) per window", {
    numeric: true,
    lenientEnv: true,
  }),
  S("rateLimit.writeMax", "RATE_LIMIT_WRITE_MAX", 120, number(0), "writes per IP (or credential) per window", {
    numeric: true,
    lenientEnv: true,
  }),
  S("rateLimit.hooksMax", "HOOKS_RATE_LIMIT_MAX", 1200, number(0), "/hooks/* requests per IP per window", {
    numeric: true,
    lenientEnv: true,
  }),
  S("rateLimit.authMax", "AUTH_RATE_LIMIT_MAX", 20, number(0), "sign-in attempts per IP per auth window", {
    numeric: true,
    lenientEnv: true,
  }),
  S("rateLimit.authIdentifierMax", "AUTH_IDENTIFIER_RATE_LIMIT_MAX", 10, number(0), "sign-in attempts per identifier per auth window", {
    numeric: true,
    lenientEnv: true,
  }),
  S("rateLimit.authWindowSeconds", "AUTH_RATE_LIMIT_WINDOW_SECONDS", 60, number(0, { strict: true }), "auth rate-limit window (s)", {
    numeric: true,
    lenientEnv: true,
  }),
  S("metrics.token", "METRICS_TOKEN", undefined, string, "bearer token for GET /metrics (unset: /metrics answers 404; see METRICS_PORT)"),
  S(
    "metrics.cacheSeconds",
    "METRICS_CACHE_SECONDS",
    15,
    number(0),
    "seconds the marketplace figures of /metrics are reused between scrapes",
    {
      numeric: true,
    }
  ),
  S(
    "metrics.stuckWorkflowMinutes",
    "STUCK_WORKFLOW_MINUTES",
    15,
    number(0, { strict: true }),
    "a stored workflow execution still running after this many minutes counts as stuck (lilium_workflows_stuck)",
    { numeric: true }
  ),
  S("rateLimit.exempt", "RATE_LIMIT_EXEMPT", undefined, string, "addresses/CIDRs without IP budgets (comma-separated)", {
    lenientEnv: true,
  }),
  S("rateLimit.trustProxy", "TRUST_PROXY", undefined, trust, "proxies trusted for X-Forwarded-For (hops, CIDRs, keywords)", {
    lenientEnv: true,
  }),
]

// ---- the schema (types and structure; values are checked per setting) ---------

const stripeConnectSchema = z.union([
  z.literal(false),
  z
    .object({
      apiKey: z.string(),
      webhookSecret: z.string().optional(),
      country: z.string().optional(),
      apiBase: z.string().optional(),
      maxNetworkRetries: z.number().optional(),
    })
    .strict(),
])

export const liliumOptionsSchema = z
  .object({
    payoutHoldDays: z.number(),
    payoutAccountHoldHours: z.number(),
    minPayout: z.number(),
    payoutSchedule: z.string(),
    shipSlaHours: z.number(),
    vendorPanelUrl: z.string(),
    vendorCors: z.string(),
    storefrontUrl: z.string(),
    adminUrl: z.string(),
    backendUrl: z.string(),
    vendorInviteTtlHours: z.number(),
    stockAlertsSchedule: z.string(),
    stockAlertsBatchSize: z.number(),
    limits: z
      .object({ maxAmount: z.number(), maxQuantity: z.number(), httpBodyLimit: z.union([z.string(), z.number()]) })
      .partial()
      .strict(),
    rateLimit: z
      .object({
        windowMs: z.number(),
        readMax: z.number(),
        writeMax: z.number(),
        hooksMax: z.number(),
        authMax: z.number(),
        authIdentifierMax: z.number(),
        authWindowSeconds: z.number(),
        exempt: z.string(),
        trustProxy: z.union([z.string(), z.number(), z.boolean()]),
      })
      .partial()
      .strict(),
    metrics: z.object({ token: z.string(), cacheSeconds: z.number(), stuckWorkflowMinutes: z.number() }).partial().strict(),
    /** false: no Stripe Connect payouts even when STRIPE_API_KEY is set. */
    stripeConnect: stripeConnectSchema,
    /** Advanced: replaces the payout providers (each `{ resolve, id, options }`, as Medusa's payment module takes them). */
    providers: z.array(z.any()),
  })
  .partial()
  .strict()

export type LiliumOptions = z.infer<typeof liliumOptionsSchema>

/** Identity, for a typed options object in a host's medusa-config.ts. */
export const defineLiliumOptions = (o: LiliumOptions): LiliumOptions => o

// ---- validation ----------------------------------------------------------------

export class LiliumOptionsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid ${LILIUM_PLUGIN} options:\n${problems.map((p) => `  - ${p}`).join("\n")}`)
    this.name = "LiliumOptionsError"
  }
}

const get = (o: any, path: string) => path.split(".").reduce((v, k) => (v == null ? undefined : v[k]), o)
const show = (v: unknown) => (typeof v === "string" ? JSON.stringify(v) : String(v))
const envRaw = (name: string | undefined, env: NodeJS.ProcessEnv) => {
  const raw = name ? env[name] : undefined
  return raw === undefined || raw.trim() === "" ? undefined : raw
}
const fromEnv = (s: Setting, raw: string) => (s.numeric ? Number(raw) : raw)

function allKeys(): string[] {
  const top = new Set<string>()
  for (const s of LILIUM_SETTINGS) top.add(s.option.split(".")[0])
  return [...top, "stripeConnect", "providers", ...LILIUM_SETTINGS.filter((s) => s.option.includes(".")).map((s) => s.option)]
}

function closest(word: string, candidates: string[]): string | undefined {
  const dist = (a: string, b: string) => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)])
    for (let j = 1; j <= b.length; j++) d[0][j] = j
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++)
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1))
    return d[a.length][b.length]
  }
  const best = candidates.map((c) => [c, dist(word, c)] as const).sort((a, b) => a[1] - b[1])[0]
  return best && best[1] <= Math.max(2, Math.floor(word.length / 3)) ? best[0] : undefined
}

/**
 * The plugin's own options: Medusa adds `database` (the shared connection)
 * to the options of every module it loads, and the plugin's modules all get
 * the same options object.
 */
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null

function ownOptions(raw: unknown): Record<string, unknown> {
  if (!raw || typeof raw !== "object") return (raw ?? {}) as Record<string, unknown>
  const { database: _medusa, ...own } = raw as Record<string, unknown>
  return own
}

/**
 * Every problem with `raw` (the plugin options) and with the environment
 * values the unset options fall back to. Each names the option and its env
 * var. Empty when all is well.
 */
export function liliumOptionsProblems(raw: unknown, env: NodeJS.ProcessEnv = process.env): string[] {
  const problems: string[] = []
  const options = ownOptions(raw)
  const parsed = liliumOptionsSchema.safeParse(options)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const at = issue.path.join(".")
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          const full = at ? `${at}.${key}` : key
          const hint = closest(full, allKeys())
          problems.push(`unknown option "${full}"${hint ? ` (did you mean "${hint}"?)` : ""}`)
        }
      } else if (at.startsWith("stripeConnect")) {
        problems.push(
          `stripeConnect: must be false or { apiKey, webhookSecret?, country?, apiBase?, maxNetworkRetries? } [plugin option stripeConnect]`
        )
      } else {
        const setting = LILIUM_SETTINGS.find((s) => s.option === at)
        const value = get(options, at)
        problems.push(
          `${at || "options"}: ${setting ? (setting.check(value) ?? issue.message) : issue.message} (got ${show(value)}) [plugin option ${at || "options"}]`
        )
      }
    }
  }
  const seen = new Set(problems.map((p) => p.split(":")[0]))
  for (const s of LILIUM_SETTINGS) {
    if (seen.has(s.option)) continue
    const value = get(options, s.option)
    if (value !== undefined) {
      const p = s.check(value)
      if (p) problems.push(`${s.option}: ${p} (got ${show(value)}) [plugin option ${s.option}]`)
      continue
    }
    const rawEnv = envRaw(s.env, env)
    if (rawEnv === undefined || s.lenientEnv) continue
    const p = s.check(fromEnv(s, rawEnv))
    if (p) problems.push(`${s.option}: ${p} (got ${show(rawEnv)}) [env ${s.env}]`)
  }
  // Cross-check: the minimum payout is an amount, so at most the largest amount.
  const max = settingFrom(options, "limits.maxAmount", env)
  const min = settingFrom(options, "minPayout", env)
  if (isNum(min) && isNum(max) && min > max && !problems.some((p) => p.startsWith("minPayout") || p.startsWith("limits.maxAmount"))) {
    problems.push(
      `minPayout: must be at most limits.maxAmount (${max}) (got ${min}) [${get(options, "minPayout") !== undefined ? "plugin option minPayout" : "env MARKETPLACE_MIN_PAYOUT"}]`
    )
  }
  // Without Redis, Medusa's in-memory scheduler cannot wait more than 24.8 days for a job's next run
  // (one setTimeout; a longer delay fires at once, again and again): refuse such schedules then (src/lib/cron-gap).
  if (!env.REDIS_URL) {
    for (const option of ["payoutSchedule", "stockAlertsSchedule"]) {
      if (problems.some((p) => p.startsWith(`${option}:`))) continue
      const value = settingFrom(options, option, env)
      const gap = typeof value === "string" ? longestCronGapDays(value) : 0
      if (gap > MAX_IN_MEMORY_CRON_GAP_DAYS) {
        const s = LILIUM_SETTINGS.find((x) => x.option === option)!
        problems.push(
          `${option}: runs ${Number.isFinite(gap) ? `up to ${gap} days apart` : "rarely or in a form that cannot be checked (L, W, #)"}; without REDIS_URL Medusa's in-memory scheduler cannot wait more than 24 days for a job and would run it again and again: set REDIS_URL or run at least every ${MAX_IN_MEMORY_CRON_GAP_DAYS} days (got ${show(value)}) [${get(options, option) !== undefined ? `plugin option ${option}` : `env ${s.env}`}]`
        )
      }
    }
  }
  const sc = options.stripeConnect
  if (isRecord(sc)) {
    const checks: [string, unknown, string | null][] = [
      [
        "apiKey",
        sc.apiKey,
        typeof sc.apiKey === "string" && /^(sk|rk)_/.test(sc.apiKey)
          ? null
          : 'must be a Stripe secret or restricted key ("sk_…" or "rk_…")',
      ],
      [
        "webhookSecret",
        sc.webhookSecret,
        sc.webhookSecret === undefined || /^whsec_/.test(String(sc.webhookSecret)) ? null : 'must start with "whsec_"',
      ],
      [
        "country",
        sc.country,
        sc.country === undefined || /^[A-Za-z]{2}$/.test(String(sc.country)) ? null : "must be a 2-letter country code",
      ],
      ["apiBase", sc.apiBase, sc.apiBase === undefined ? null : url(sc.apiBase)],
      [
        "maxNetworkRetries",
        sc.maxNetworkRetries,
        sc.maxNetworkRetries === undefined ? null : number(0, { integer: true })(sc.maxNetworkRetries),
      ],
    ]
    for (const [k, v, p] of checks)
      if (p && parsed.success) problems.push(`stripeConnect.${k}: ${p} (got ${show(v)}) [plugin option stripeConnect.${k}]`)
  }
  return problems
}

/** A setting's value now: the option, else its env var (read now), else the default; an invalid env value gives the default. */
function settingFrom(options: unknown, option: string, env: NodeJS.ProcessEnv = process.env): unknown {
  const s = LILIUM_SETTINGS.find((x) => x.option === option)!
  const value = get(options, option)
  if (value !== undefined) return value
  const rawEnv = envRaw(s.env, env)
  if (rawEnv === undefined) return s.default
  const v = fromEnv(s, rawEnv)
  return s.check(v) ? s.default : v
}

// ---- the configured options --------------------------------------------------------

let configured: LiliumOptions | undefined

/** Validates `raw` (and the env values it falls back to) and stores it for the accessors. Throws LiliumOptionsError. */
export function configureLilium(raw: unknown, env: NodeJS.ProcessEnv = process.env): LiliumOptions {
  const problems = liliumOptionsProblems(raw, env)
  if (problems.length) throw new LiliumOptionsError(problems)
  configured = ownOptions(raw) as LiliumOptions
  return configured
}

/** The stored options (tests). */
export const configuredLiliumOptions = () => configured
/** Forgets the stored options (tests). */
export const resetLiliumOptions = () => {
  configured = undefined
}

const setting =
  <T>(option: string) =>
  (): T =>
    settingFrom(configured ?? {}, option) as T

// ---- accessors ----------------------------------------------------------------------

export const payoutHoldDays = setting<number>("payoutHoldDays")
export const payoutAccountHoldHours = setting<number>("payoutAccountHoldHours")
/** The minimum payout as a decimal string (what the payout run compares balances with). */
export const minPayoutAmount = (): string => String(setting<number | string>("minPayout")())
export const payoutSchedule = setting<string>("payoutSchedule")
export const shipSlaHours = setting<number>("shipSlaHours")
/** Without a trailing slash. */
export const vendorPanelUrl = () => setting<string>("vendorPanelUrl")().replace(/\/$/, "")
/** VENDOR_CORS: the vendor panel's origins (Medusa's STORE_CORS syntax); unset, the origin of vendorPanelUrl. */
export const vendorCors = (): string => setting<string | undefined>("vendorCors")() || new URL(vendorPanelUrl()).origin
export const storefrontUrl = () => setting<string>("storefrontUrl")().replace(/\/$/, "")
export const adminUrl = () => setting<string>("adminUrl")().replace(/\/$/, "")
export const backendUrl = () => setting<string>("backendUrl")().replace(/\/$/, "")
export const vendorInviteTtlHours = setting<number>("vendorInviteTtlHours")
export const stockAlertsSchedule = setting<string>("stockAlertsSchedule")
export const stockAlertsBatchSize = setting<number>("stockAlertsBatchSize")
export const maxAmountSetting = setting<number>("limits.maxAmount")
export const maxQuantitySetting = setting<number>("limits.maxQuantity")
export const httpBodyLimit = (): string => String(setting<string | number>("limits.httpBodyLimit")())

/** A rate-limit option when the host set one, else undefined (the rate limiter then reads its env var as before). */
export const metricsToken = (): string | undefined => setting<string | undefined>("metrics.token")() || undefined
export const metricsCacheSeconds = setting<number>("metrics.cacheSeconds")
export const stuckWorkflowMinutes = setting<number>("metrics.stuckWorkflowMinutes")
export const rateLimitOption = <K extends keyof NonNullable<LiliumOptions["rateLimit"]>>(
  key: K
): NonNullable<LiliumOptions["rateLimit"]>[K] | undefined => configured?.rateLimit?.[key]

// ---- payout providers ------------------------------------------------------------------

export type StripeConnectProviderOptions = {
  api_key: string
  webhook_secret?: string
  default_country?: string
  api_base?: string
  max_network_retries?: number
}

/**
 * The Stripe Connect provider's options: from the `stripeConnect` option,
 * else from STRIPE_CONNECT_API_KEY (or the platform's STRIPE_API_KEY) and
 * the other STRIPE_* env vars; null when there is no key or
 * `stripeConnect: false`.
 */
export function stripeConnectOptions(raw: unknown, env: NodeJS.ProcessEnv = process.env): StripeConnectProviderOptions | null {
  const sc = (raw as LiliumOptions | undefined)?.stripeConnect
  if (sc === false) return null
  if (sc) {
    return {
      api_key: sc.apiKey,
      webhook_secret: sc.webhookSecret,
      default_country: sc.country,
      api_base: sc.apiBase,
      max_network_retries: sc.maxNetworkRetries,
    }
  }
  const key = env.STRIPE_CONNECT_API_KEY || env.STRIPE_API_KEY
  if (!key) return null
  return {
    api_key: key,
    webhook_secret: env.STRIPE_CONNECT_WEBHOOK_SECRET,
    default_country: env.STRIPE_CONNECT_COUNTRY,
    api_base: env.STRIPE_API_BASE,
    max_network_retries: env.STRIPE_MAX_NETWORK_RETRIES ? Number(env.STRIPE_MAX_NETWORK_RETRIES) : undefined,
  }
}
