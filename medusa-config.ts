import { createSecretKey } from "node:crypto"
import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import { resolveHttpSecrets } from "./src/utils/secrets"
import { moneyEnvProblems } from "./src/utils/money-input"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * One configuration for every way Lilium runs:
 * - no env at all: `npm start` points DATABASE_URL at an embedded PostgreSQL
 *   and Medusa uses its in-memory event bus, workflow engine, locking and cache;
 * - REDIS_URL set: Medusa's Redis modules take over, so N API servers and one
 *   worker can share events, workflow state, locks and cache;
 * - STRIPE_API_KEY / SENDGRID_API_KEY / TWILIO_ACCOUNT_SID switch on the real providers.
 * Every variable is documented in .env.template.
 */
const env = process.env
const REDIS_URL = env.REDIS_URL
const WORKER_MODE = (env.MEDUSA_WORKER_MODE ?? "shared") as "shared" | "worker" | "server"

// MARKETPLACE_MAX_AMOUNT, MARKETPLACE_MAX_QUANTITY and MARKETPLACE_MIN_PAYOUT must be sane amounts (src/utils/money-input.ts).
const moneyProblems = moneyEnvProblems(env)
if (moneyProblems.length) throw new Error(`Invalid money settings: ${moneyProblems.join("; ")}`)

const DEFAULT_CORS = "http://localhost:9000,http://localhost:5173,http://localhost:8000"

const redisModules = REDIS_URL
  ? [
      {
        resolve: "@medusajs/medusa/event-bus-redis",
        options: { redisUrl: REDIS_URL },
      },
      {
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { redisUrl: REDIS_URL } },
      },
      {
        resolve: "@medusajs/medusa/cache-redis",
        options: { redisUrl: REDIS_URL },
      },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              // Medusa's Redis provider with multi-key locks taken in one order (medusajs/medusa#16285, decision 80).
              resolve: "./src/providers/locking-redis",
              id: "locking-redis",
              is_default: true,
              // Locks taken without a wait of their own (Medusa's inventory reservations at checkout) wait up to
              // 30 s, as Medusa's cart completion lock does, instead of 5 s: with the in-process queue the wait is
              // the place in line, and 50 buyers of one item at once need more than 5 s (decision 94).
              options: { redisUrl: REDIS_URL, waitLockingTimeout: 30 },
            },
          ],
        },
      },
    ]
  : []

// Notifications: one provider per channel (Medusa's rule). E-mail goes
// through Lilium's SendGrid provider when SENDGRID_API_KEY is set, SMS
// through its Twilio provider when TWILIO_ACCOUNT_SID is set; both render
// the project's templates (src/lib/notification-templates). Without keys,
// notification-local logs each message. Either way the Notification module
// records every message as a notification row. The layout's name is
// MARKETPLACE_NAME, read at each message (default "Lilium").
const emailProvider = env.SENDGRID_API_KEY
  ? {
      resolve: "./src/providers/notification-sendgrid",
      id: "sendgrid",
      options: {
        channels: ["email"],
        api_key: env.SENDGRID_API_KEY,
        from: env.SENDGRID_FROM ?? "no-reply@lilium.local",
        api_base: env.SENDGRID_API_BASE || undefined,
      },
    }
  : {
      resolve: "@medusajs/medusa/notification-local",
      id: "local",
      options: { channels: ["email"] },
    }
const smsProvider = env.TWILIO_ACCOUNT_SID
  ? {
      resolve: "./src/providers/notification-twilio",
      id: "twilio",
      options: {
        channels: ["sms"],
        account_sid: env.TWILIO_ACCOUNT_SID,
        auth_token: env.TWILIO_AUTH_TOKEN,
        from: env.TWILIO_FROM || undefined,
        messaging_service_sid: env.TWILIO_MESSAGING_SERVICE_SID || undefined,
        api_base: env.TWILIO_API_BASE || undefined,
      },
    }
  : {
      resolve: "@medusajs/medusa/notification-local",
      id: "local-sms",
      options: { channels: ["sms"] },
    }

// Sign-in: Medusa's emailpass (a custom auth module entry replaces Medusa's
// default one, so emailpass is listed again) and Lilium's one-time codes
// (src/providers/auth-otp, decision 57), whose digests are keyed with the JWT
// secret. Two-factor (decision 58): the TOTP codes carry the marketplace's
// name in authenticator apps; AUTH_MFA_ENCRYPTION_KEY is injected by
// defineConfig (src/utils/secrets.ts makes sure it is set).
const httpSecrets = resolveHttpSecrets()
const authModule = {
  resolve: "@medusajs/medusa/auth",
  options: {
    providers: [
      { resolve: "@medusajs/medusa/auth-emailpass", id: "emailpass" },
      { resolve: "./src/providers/auth-otp", id: "otp", options: { secret: httpSecrets.jwtSecret } },
    ],
    mfa: {
      // Removing a factor needs a current code, not just a signed-in session (Medusa's default).
      disable_policy: "challenge",
      providers: [{ id: "totp", options: { issuer: env.MARKETPLACE_NAME || "Lilium" } }],
    },
    // E-mail verification links (decision 59) work for 24 hours (Medusa's default is 15 minutes; mail is read late).
    verification: { providers: [{ id: "token", options: { ttl_seconds: 24 * 60 * 60 } }] },
  },
}

// Payment by invoice for buying companies (pp_invoice_invoice, issue 19): always registered; who may use it is Lilium's rule.
const paymentProviders: { resolve: string; id: string; options?: Record<string, unknown> }[] = [
  { resolve: "./src/providers/payment-invoice", id: "invoice" },
  ...(env.STRIPE_API_KEY
    ? [
        {
          resolve: "@medusajs/medusa/payment-stripe",
          id: "stripe",
          options: {
            apiKey: env.STRIPE_API_KEY,
            webhookSecret: env.STRIPE_WEBHOOK_SECRET,
          },
        },
      ]
    : []),
]
// Tests only: a provider that declines every authorization (pp_decline_decline).
if (env.NODE_ENV === "test" || env.LILIUM_TEST_PAYMENT_PROVIDERS === "true") {
  paymentProviders.push({ resolve: "./src/providers/payment-decline", id: "decline" })
}

// Payout providers: manual always, Stripe Connect when STRIPE_CONNECT_API_KEY
// (or the platform's STRIPE_API_KEY) is set. The payout module picks them
// itself (src/modules/payout/loaders/providers.ts), the same way it does in
// a host store that installs Lilium as a plugin; Lilium's settings are
// validated by the vendor module when the app starts (src/options.ts).

// `medusa start` runs in production mode, where Medusa marks the session
// cookie Secure: a browser on http://localhost (what `npm start` prints)
// then never gets it and cannot log in to the admin. The cookie is Secure
// whenever the public URL is https, or when COOKIE_SECURE=true.
const secureCookies = env.COOKIE_SECURE ? env.COOKIE_SECURE === "true" : (env.MEDUSA_BACKEND_URL ?? "").startsWith("https://")

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: env.DATABASE_URL,
    redisUrl: REDIS_URL,
    workerMode: WORKER_MODE,
    cookieOptions: { secure: secureCookies, sameSite: "lax" },
    http: {
      storeCors: env.STORE_CORS ?? DEFAULT_CORS,
      adminCors: env.ADMIN_CORS ?? DEFAULT_CORS,
      authCors: env.AUTH_CORS ?? DEFAULT_CORS,
      // NODE_ENV=production refuses a missing, short or default JWT_SECRET /
      // COOKIE_SECRET (src/utils/secrets.ts); `npm start` generates them.
      ...httpSecrets,
      // jsonwebtoken turns a string secret into a key on every verification, trying it as a PEM public key first
      // (a thrown error: 0.3-1 ms per call, and a /vendor request verifies twice): the same secret as a KeyObject,
      // made once. Medusa verifies with jwtPublicKey ?? jwtSecret and signs with jwtSecret (HS256), so tokens are
      // unchanged; a configured JWT_PUBLIC_KEY (asymmetric signing) is left alone.
      ...(env.JWT_PUBLIC_KEY
        ? {}
        : {
            jwtPublicKey: createSecretKey(Buffer.from(httpSecrets.jwtSecret)),
            jwtOptions: { algorithm: "HS256" as const },
            jwtVerifyOptions: { algorithms: ["HS256" as const] },
          }),
      // Which sign-in each actor may use (without an entry Medusa allows every provider): operators sign in
      // with a password (and 2FA); buyers and vendor members may also use a one-time code.
      authMethodsPerActor: { user: ["emailpass"], customer: ["emailpass", "otp"], vendor: ["emailpass", "otp"] },
      compression: {
        enabled: env.HTTP_COMPRESSION !== "false",
        level: 6,
        memLevel: 8,
        threshold: 1024,
      },
    },
  },
  admin: {
    // API servers behind a load balancer may still serve the admin; the
    // worker never does.
    disable: env.DISABLE_MEDUSA_ADMIN === "true" || WORKER_MODE === "worker",
    backendUrl: env.MEDUSA_BACKEND_URL,
  },
  modules: [
    ...redisModules,
    { resolve: "./src/modules/vendor" },
    { resolve: "./src/modules/commission" },
    { resolve: "./src/modules/ledger" },
    { resolve: "./src/modules/payout" },
    { resolve: "./src/modules/analytics" },
    { resolve: "./src/modules/audit" },
    { resolve: "./src/modules/notification-preference" },
    { resolve: "./src/modules/stock-alert" },
    { resolve: "./src/modules/wishlist" },
    { resolve: "./src/modules/company" },
    { resolve: "./src/modules/quote" },
    authModule,
    {
      resolve: "@medusajs/medusa/notification",
      options: { providers: [emailProvider, smsProvider] },
    },
    {
      resolve: "@medusajs/medusa/payment",
      options: { providers: paymentProviders },
    },
  ],
})
