/**
 * What the seed may create, decided from the environment alone (unit-tested
 * in __tests__/seed-policy.unit.spec.ts).
 *
 * - Demo data (vendors, buyer, orders; all with published passwords): on by
 *   default for development (`npm start`), off with NODE_ENV=production
 *   unless SEED_DEMO=true is set explicitly. SEED_DEMO=false always turns it
 *   off.
 * - The operator's admin user: MEDUSA_ADMIN_EMAIL / MEDUSA_ADMIN_PASSWORD.
 *   Outside production the password defaults to the documented demo one.
 *   In production (without an explicit SEED_DEMO=true) there is no default:
 *   without MEDUSA_ADMIN_PASSWORD, or with the demo password, no admin is
 *   created and the seed says how to create one (`npx medusa user`).
 */
export const DEFAULT_ADMIN_EMAIL = "admin@lilium.local"
export const DEMO_ADMIN_PASSWORD = "lilium-admin"

export type SeedPolicy = {
  production: boolean
  demo: boolean
  /** null: create no admin user. */
  admin: { email: string; password: string } | null
  notes: string[]
}

export function seedPolicy(env: Record<string, string | undefined> = process.env): SeedPolicy {
  const production = env.NODE_ENV === "production"
  const seedDemo = (env.SEED_DEMO ?? "").trim().toLowerCase()
  const demo = seedDemo === "true" || (!production && seedDemo !== "false")
  const notes: string[] = []

  if (production && !demo && seedDemo !== "false") {
    notes.push("NODE_ENV=production: no demo vendors, buyer or orders (set SEED_DEMO=true to seed them)")
  } else if (!demo) {
    notes.push("SEED_DEMO=false: skipping the demo vendors and products")
  }

  const email = env.MEDUSA_ADMIN_EMAIL?.trim() || DEFAULT_ADMIN_EMAIL
  const password = env.MEDUSA_ADMIN_PASSWORD || ""
  let admin: SeedPolicy["admin"] = { email, password: password || DEMO_ADMIN_PASSWORD }
  if (production && !demo && (!password || password === DEMO_ADMIN_PASSWORD)) {
    admin = null
    notes.push(
      `NODE_ENV=production: no admin user created (${password ? "MEDUSA_ADMIN_PASSWORD is the demo password" : "MEDUSA_ADMIN_PASSWORD is not set"}); ` +
        "create one with `npx medusa user -e you@example.com -p <password>`"
    )
  }
  return { production, demo, admin, notes }
}
