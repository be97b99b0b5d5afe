import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * A plain Medusa 2.21 store, as `create-medusa-app` makes it, plus Lilium
 * (scripts/test-plugin.mjs installs the packed plugin into a copy of this
 * folder). LILIUM_PLUGIN=off removes the plugin (the uninstall check);
 * LILIUM_BAD_OPTIONS=1 passes an invalid option (the start must fail and say
 * which). Lilium's emails go out on the `email` channel, so the local
 * notification provider serves it.
 */
const env = process.env

const lilium = {
  resolve: "@lilium/medusa-plugin",
  options: {
    payoutHoldDays: 0,
    payoutAccountHoldHours: 0,
    minPayout: 0,
    vendorPanelUrl: "http://localhost:5173",
    ...(env.LILIUM_BAD_OPTIONS ? { payoutHoldDays: -1 } : {}),
  },
}

// Lilium's one-time sign-in codes: its otp auth provider beside Medusa's emailpass (a custom auth entry
// replaces Medusa's default one, so emailpass is listed again); the secret keys the code digests. It goes
// with the plugin: uninstalling Lilium removes this entry too.
const liliumAuth = {
  resolve: "@medusajs/medusa/auth",
  options: {
    providers: [
      { resolve: "@medusajs/medusa/auth-emailpass", id: "emailpass" },
      { resolve: "@lilium/medusa-plugin/providers/auth-otp", id: "otp", options: { secret: env.JWT_SECRET || "supersecret-otp-key" } },
    ],
  },
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: env.DATABASE_URL,
    http: {
      storeCors: env.STORE_CORS || "http://localhost:8000",
      adminCors: env.ADMIN_CORS || "http://localhost:9000",
      authCors: env.AUTH_CORS || "http://localhost:9000",
      jwtSecret: env.JWT_SECRET || "supersecret",
      cookieSecret: env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: env.HOST_ADMIN !== "true",
  },
  plugins: env.LILIUM_PLUGIN === "off" ? [] : [lilium],
  modules: [
    ...(env.LILIUM_PLUGIN === "off" ? [] : [liliumAuth]),
    // Payment by invoice for buying companies (pp_invoice_invoice): Lilium's provider in the store's payment module.
    ...(env.LILIUM_PLUGIN === "off"
      ? []
      : [
          {
            resolve: "@medusajs/medusa/payment",
            options: { providers: [{ resolve: "@lilium/medusa-plugin/providers/payment-invoice", id: "invoice" }] },
          },
        ]),
    {
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [{ resolve: "@medusajs/medusa/notification-local", id: "local", options: { channels: ["email"] } }],
      },
    },
  ],
})
