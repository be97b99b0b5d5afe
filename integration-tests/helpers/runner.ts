import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { seedMarketplaceBasics, type MarketplaceBasics } from "../../src/scripts/lib/marketplace-basics"
import { seedDemoVendors, type DemoCatalog } from "../../src/scripts/lib/demo-vendors"
import { useTestContainer } from "./container"
import { cloneTestDbTemplate, saveTestDbTemplate, testDbName } from "./db-template"

export const ADMIN_EMAIL = "admin@lilium.test"
export const ADMIN_PASSWORD = "admin-password-1"

export type Api = {
  get: (url: string, config?: any) => Promise<any>
  post: (url: string, body?: any, config?: any) => Promise<any>
  delete: (url: string, config?: any) => Promise<any>
}

export type LiliumTestContext = {
  api: Api
  getContainer: () => MedusaContainer
  /** Set up once per file in beforeAll, then restored before every test. */
  basics: () => MarketplaceBasics
  catalog: () => DemoCatalog
  /** Publishable-key header for Store API calls. */
  storeHeaders: () => { headers: Record<string, string> }
  /** The test database (knex), for checks the API cannot make, such as database constraints. */
  dbConnection: any
  /** A real admin token from POST /auth/user/emailpass. */
  adminHeaders: () => Promise<{ headers: Record<string, string> }>
}

/**
 * medusaIntegrationTestRunner with the marketplace set up the way a new
 * installation is (the seed's own functions), before the database snapshot
 * that the runner restores before each test. Rate limits are relaxed unless
 * a test file asks otherwise.
 */
export function liliumIntegrationTestRunner({
  env = {},
  withCatalog = true,
  testSuite,
}: {
  env?: Record<string, string>
  withCatalog?: boolean
  testSuite: (ctx: LiliumTestContext) => void
}) {
  // A copy of the run's migrated template when there is one (db-template.ts).
  const dbName = testDbName()
  let cloned = false
  medusaIntegrationTestRunner({
    inApp: true,
    dbName,
    hooks: {
      beforeServerStart: async () => {
        if (dbName) cloned = await cloneTestDbTemplate(dbName)
      },
    },
    env: {
      // Budgets high enough for any test; rate-limit.spec.ts sets its own.
      AUTH_RATE_LIMIT_MAX: "100000",
      AUTH_IDENTIFIER_RATE_LIMIT_MAX: "100000",
      RATE_LIMIT_READ_MAX: "100000",
      RATE_LIMIT_WRITE_MAX: "100000",
      HOOKS_RATE_LIMIT_MAX: "100000",
      // Rate-limit counters in a shared Redis must not leak between runs.
      REDIS_KEY_PREFIX: `lilium-test-${process.pid}-${Date.now()}`,
      // 2FA (Medusa's /auth/mfa/*) needs the auth module's encryption key.
      AUTH_MFA_ENCRYPTION_KEY: "lilium-integration-tests-mfa-key-0123456789abcdef",
      ...env,
    },
    testSuite: ({ api, getContainer, dbConnection }) => {
      useTestContainer(getContainer)
      let basics: MarketplaceBasics
      let catalog: DemoCatalog
      let adminToken: string | undefined

      beforeAll(async () => {
        // The first file of the run leaves its migrated, not yet seeded database as the template.
        if (dbName && !cloned) await saveTestDbTemplate(dbName)
        const container = getContainer()
        basics = await seedMarketplaceBasics(container, {
          adminEmail: ADMIN_EMAIL,
          adminPassword: ADMIN_PASSWORD,
        })
        if (withCatalog) catalog = await seedDemoVendors(container, basics)
      })

      testSuite({
        api,
        getContainer,
        dbConnection,
        basics: () => basics,
        catalog: () => catalog,
        storeHeaders: () => ({ headers: { "x-publishable-api-key": basics.publishable_key } }),
        adminHeaders: async () => {
          // Tokens are stateless JWTs, so one login serves every test.
          if (!adminToken) {
            const res = await api.post("/auth/user/emailpass", {
              email: ADMIN_EMAIL,
              password: ADMIN_PASSWORD,
            })
            adminToken = res.data.token
          }
          return { headers: { authorization: `Bearer ${adminToken}` } }
        },
      })
    },
  })
}
