import {
  configureLilium,
  httpBodyLimit,
  LiliumOptionsError,
  liliumOptionsProblems,
  minPayoutAmount,
  payoutHoldDays,
  payoutSchedule,
  rateLimitOption,
  resetLiliumOptions,
  stockAlertsBatchSize,
  stockAlertsSchedule,
  stripeConnectOptions,
  vendorPanelUrl,
} from "../options"
import { defaultPayoutProviders } from "../modules/payout/loaders/providers"
import liliumOptionsLoader from "../modules/vendor/loaders/lilium-options"
import { maxAmount } from "../utils/money-input"

const ENV = [
  "MARKETPLACE_PAYOUT_HOLD_DAYS",
  "MARKETPLACE_MIN_PAYOUT",
  "MARKETPLACE_MAX_AMOUNT",
  "MARKETPLACE_PAYOUT_SCHEDULE",
  "VENDOR_PANEL_URL",
  "HTTP_BODY_LIMIT",
  "STRIPE_API_KEY",
  "STRIPE_CONNECT_API_KEY",
  "STOCK_ALERTS_SCHEDULE",
  "STOCK_ALERTS_BATCH_SIZE",
]
const saved: Record<string, string | undefined> = {}
beforeEach(() => {
  for (const k of ENV) {
    saved[k] = process.env[k]
    delete process.env[k]
  }
  resetLiliumOptions()
})
afterEach(() => {
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k]
    else process.env[k] = saved[k]
  }
  resetLiliumOptions()
})

describe("Lilium options: option → env var (read at call time) → default", () => {
  it("uses the defaults when nothing is set", () => {
    configureLilium({})
    expect(payoutHoldDays()).toBe(7)
    expect(minPayoutAmount()).toBe("0")
    expect(payoutSchedule()).toBe("0 6 * * *")
    expect(vendorPanelUrl()).toBe("http://localhost:5173")
    expect(httpBodyLimit()).toBe("1mb")
    expect(maxAmount()).toBe(1_000_000)
  })

  it("reads the env var at each call, so a change at runtime applies", () => {
    configureLilium({})
    process.env.MARKETPLACE_PAYOUT_HOLD_DAYS = "3"
    expect(payoutHoldDays()).toBe(3)
    process.env.MARKETPLACE_PAYOUT_HOLD_DAYS = "0"
    expect(payoutHoldDays()).toBe(0)
    process.env.MARKETPLACE_MAX_AMOUNT = "500"
    expect(maxAmount()).toBe(500)
  })

  it("prefers the plugin option over the env var", () => {
    process.env.MARKETPLACE_PAYOUT_HOLD_DAYS = "3"
    process.env.VENDOR_PANEL_URL = "http://env.example"
    configureLilium({
      payoutHoldDays: 0,
      vendorPanelUrl: "https://vendors.example.com/",
      limits: { maxAmount: 250 },
      rateLimit: { readMax: 5 },
    })
    expect(payoutHoldDays()).toBe(0)
    expect(vendorPanelUrl()).toBe("https://vendors.example.com")
    expect(maxAmount()).toBe(250)
    expect(rateLimitOption("readMax")).toBe(5)
    expect(rateLimitOption("writeMax")).toBeUndefined()
  })

  it("stock alerts: schedule and batch size from the option, else the env var, else every minute and 100", () => {
    configureLilium({})
    expect([stockAlertsSchedule(), stockAlertsBatchSize()]).toEqual(["* * * * *", 100])
    process.env.STOCK_ALERTS_SCHEDULE = "*/5 * * * *"
    process.env.STOCK_ALERTS_BATCH_SIZE = "25"
    expect([stockAlertsSchedule(), stockAlertsBatchSize()]).toEqual(["*/5 * * * *", 25])
    // A bad env value read at runtime falls back to the default (the loader refuses it at start).
    process.env.STOCK_ALERTS_BATCH_SIZE = "0"
    expect(stockAlertsBatchSize()).toBe(100)
    configureLilium({ stockAlertsSchedule: "0 * * * *", stockAlertsBatchSize: 500 })
    process.env.STOCK_ALERTS_BATCH_SIZE = "25"
    expect([stockAlertsSchedule(), stockAlertsBatchSize()]).toEqual(["0 * * * *", 500])
  })

  it("works before anything is configured (env and defaults, as before)", () => {
    process.env.MARKETPLACE_MIN_PAYOUT = "12.50"
    expect(minPayoutAmount()).toBe("12.5")
    expect(payoutHoldDays()).toBe(7)
  })
})

describe("Lilium options: validation", () => {
  it("accepts a full, valid set", () => {
    expect(
      liliumOptionsProblems({
        payoutHoldDays: 7,
        payoutAccountHoldHours: 0,
        minPayout: 50,
        payoutSchedule: "0 6 * * *",
        shipSlaHours: 24,
        vendorPanelUrl: "https://vendors.example.com",
        vendorInviteTtlHours: 72,
        limits: { maxAmount: 1000, maxQuantity: 10, httpBodyLimit: "2mb" },
        rateLimit: { windowMs: 1000, readMax: 0, trustProxy: 1, exempt: "10.0.0.1" },
        stripeConnect: { apiKey: "sk_test_x", webhookSecret: "whsec_x", country: "DE", maxNetworkRetries: 2 },
      })
    ).toEqual([])
    expect(liliumOptionsProblems({ stripeConnect: false })).toEqual([])
    // Medusa adds the shared database connection to every module's options.
    expect(liliumOptionsProblems({ payoutHoldDays: 1, database: { clientUrl: "postgres://x" } })).toEqual([])
  })

  it("names the option, the value and where it came from", () => {
    expect(liliumOptionsProblems({ payoutHoldDays: -1 })).toEqual(["payoutHoldDays: must be ≥ 0 (got -1) [plugin option payoutHoldDays]"])
    expect(liliumOptionsProblems({ payoutSchedule: "daily" })).toEqual([
      'payoutSchedule: must be a 5- or 6-field cron expression (got "daily") [plugin option payoutSchedule]',
    ])
    expect(liliumOptionsProblems({ limits: { maxQuantity: 1.5 } })).toEqual([
      "limits.maxQuantity: must be a whole number (got 1.5) [plugin option limits.maxQuantity]",
    ])
    expect(liliumOptionsProblems({ vendorPanelUrl: "vendors" })[0]).toMatch(/^vendorPanelUrl: must be an absolute URL/)
  })

  it("stock alerts: a cron and a whole batch size above 0, from the option or the env", () => {
    expect(liliumOptionsProblems({ stockAlertsSchedule: "*/2 * * * *", stockAlertsBatchSize: 1 })).toEqual([])
    expect(liliumOptionsProblems({ stockAlertsSchedule: "minutely", stockAlertsBatchSize: 0 })).toEqual([
      'stockAlertsSchedule: must be a 5- or 6-field cron expression (got "minutely") [plugin option stockAlertsSchedule]',
      "stockAlertsBatchSize: must be greater than 0 (got 0) [plugin option stockAlertsBatchSize]",
    ])
    expect(liliumOptionsProblems({ stockAlertsBatchSize: 2.5 })).toEqual([
      "stockAlertsBatchSize: must be a whole number (got 2.5) [plugin option stockAlertsBatchSize]",
    ])
    expect(liliumOptionsProblems({}, { STOCK_ALERTS_SCHEDULE: "every minute", STOCK_ALERTS_BATCH_SIZE: "ten" })).toEqual([
      'stockAlertsSchedule: must be a 5- or 6-field cron expression (got "every minute") [env STOCK_ALERTS_SCHEDULE]',
      'stockAlertsBatchSize: must be a finite number (got "ten") [env STOCK_ALERTS_BATCH_SIZE]',
    ])
  })

  it("without Redis, refuses schedules whose runs can be more than 24 days apart (Medusa's in-memory timer limit)", () => {
    expect(liliumOptionsProblems({ payoutSchedule: "0 6 1 * *" }, {})).toEqual([
      `payoutSchedule: runs up to 31 days apart; without REDIS_URL Medusa's in-memory scheduler cannot wait more than 24 days for a job and would run it again and again: set REDIS_URL or run at least every 24 days (got "0 6 1 * *") [plugin option payoutSchedule]`,
    ])
    expect(liliumOptionsProblems({}, { STOCK_ALERTS_SCHEDULE: "0 0 L * *" })).toEqual([
      `stockAlertsSchedule: runs rarely or in a form that cannot be checked (L, W, #); without REDIS_URL Medusa's in-memory scheduler cannot wait more than 24 days for a job and would run it again and again: set REDIS_URL or run at least every 24 days (got "0 0 L * *") [env STOCK_ALERTS_SCHEDULE]`,
    ])
    // Twice a month and weekly are fine; with Redis the monthly schedule is too.
    expect(liliumOptionsProblems({ payoutSchedule: "0 6 1,15 * *", stockAlertsSchedule: "0 6 * * MON" }, {})).toEqual([])
    expect(liliumOptionsProblems({ payoutSchedule: "0 6 1 * *" }, { REDIS_URL: "redis://localhost:6379" })).toEqual([])
  })

  it("checks the env values the options fall back to, naming the env var", () => {
    expect(liliumOptionsProblems({}, { MARKETPLACE_MAX_AMOUNT: "abc" })).toEqual([
      'limits.maxAmount: must be a finite number (got "abc") [env MARKETPLACE_MAX_AMOUNT]',
    ])
    expect(liliumOptionsProblems({}, { MARKETPLACE_MIN_PAYOUT: "5000", MARKETPLACE_MAX_AMOUNT: "100" })).toEqual([
      "minPayout: must be at most limits.maxAmount (100) (got 5000) [env MARKETPLACE_MIN_PAYOUT]",
    ])
    // An option replaces its env var, so a bad env value under a set option is not a problem.
    expect(liliumOptionsProblems({ payoutHoldDays: 1 }, { MARKETPLACE_PAYOUT_HOLD_DAYS: "-5" })).toEqual([])
    // Rate-limit and proxy env vars stay "logged where used", as documented.
    expect(liliumOptionsProblems({}, { TRUST_PROXY: "nonsense", RATE_LIMIT_READ_MAX: "x" })).toEqual([])
  })

  it("rejects unknown options with a suggestion, and wrong types", () => {
    expect(liliumOptionsProblems({ payoutHoldDay: 3 })).toEqual(['unknown option "payoutHoldDay" (did you mean "payoutHoldDays"?)'])
    expect(liliumOptionsProblems({ limits: { maxAmout: 3 } })).toEqual([
      'unknown option "limits.maxAmout" (did you mean "limits.maxAmount"?)',
    ])
    expect(liliumOptionsProblems({ payoutHoldDays: "7" })).toEqual([
      'payoutHoldDays: must be a finite number (got "7") [plugin option payoutHoldDays]',
    ])
    expect(liliumOptionsProblems({ stripeConnect: { apiKey: "pk_live_x" } })).toEqual([
      'stripeConnect.apiKey: must be a Stripe secret or restricted key ("sk_…" or "rk_…") (got "pk_live_x") [plugin option stripeConnect.apiKey]',
    ])
  })

  it("the vendor module's loader stops the start with one error listing every problem", async () => {
    process.env.MARKETPLACE_MAX_AMOUNT = "-1"
    const start = liliumOptionsLoader({ options: { payoutHoldDays: -1, minPayot: 1 } } as any)
    await expect(start).rejects.toBeInstanceOf(LiliumOptionsError)
    await expect(liliumOptionsLoader({ options: { payoutHoldDays: -1, minPayot: 1 } } as any)).rejects.toThrow(
      [
        "Invalid @lilium/medusa-plugin options:",
        '  - unknown option "minPayot" (did you mean "minPayout"?)',
        "  - payoutHoldDays: must be ≥ 0 (got -1) [plugin option payoutHoldDays]",
        '  - limits.maxAmount: must be greater than 0 (got "-1") [env MARKETPLACE_MAX_AMOUNT]',
      ].join("\n")
    )
  })
})

describe("default payout providers", () => {
  it("manual always; stripe-connect when a key is set, from the option or the env", () => {
    expect(defaultPayoutProviders({}, {}).map((p) => p.id)).toEqual(["manual"])
    expect(defaultPayoutProviders({}, { STRIPE_API_KEY: "sk_test_platform" }).map((p) => p.id)).toEqual(["manual", "stripe-connect"])
    expect(defaultPayoutProviders({ stripeConnect: false }, { STRIPE_API_KEY: "sk_test_platform" }).map((p) => p.id)).toEqual(["manual"])
    const [, stripe] = defaultPayoutProviders(
      { stripeConnect: { apiKey: "sk_test_opt", country: "DE" } },
      { STRIPE_CONNECT_API_KEY: "sk_test_env" }
    )
    expect(stripe.options).toEqual(expect.objectContaining({ api_key: "sk_test_opt", default_country: "DE" }))
    expect(stripeConnectOptions({}, { STRIPE_CONNECT_API_KEY: "sk_a", STRIPE_API_KEY: "sk_b", STRIPE_MAX_NETWORK_RETRIES: "0" })).toEqual(
      expect.objectContaining({ api_key: "sk_a", max_network_retries: 0 })
    )
  })
})
