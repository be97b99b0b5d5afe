import { DEMO_ADMIN_PASSWORD, seedPolicy } from "../seed-policy"

describe("seedPolicy", () => {
  it("development (npm start): demo data and the documented admin login", () => {
    expect(seedPolicy({})).toMatchObject({
      production: false,
      demo: true,
      admin: { email: "admin@lilium.local", password: DEMO_ADMIN_PASSWORD },
    })
    expect(seedPolicy({ NODE_ENV: "development", SEED_DEMO: "false" }).demo).toBe(false)
  })

  it("production: no demo data and no admin with a known password by default", () => {
    const p = seedPolicy({ NODE_ENV: "production" })
    expect(p.demo).toBe(false)
    expect(p.admin).toBeNull()
    expect(p.notes.join("\n")).toMatch(/SEED_DEMO=true/)
    expect(p.notes.join("\n")).toMatch(/MEDUSA_ADMIN_PASSWORD is not set.*npx medusa user/)
  })

  it("production: docker-compose's empty defaults count as unset", () => {
    const p = seedPolicy({ NODE_ENV: "production", SEED_DEMO: "", MEDUSA_ADMIN_EMAIL: "", MEDUSA_ADMIN_PASSWORD: "" })
    expect(p.demo).toBe(false)
    expect(p.admin).toBeNull()
  })

  it("production: the admin from MEDUSA_ADMIN_EMAIL / MEDUSA_ADMIN_PASSWORD, never the demo password", () => {
    expect(
      seedPolicy({ NODE_ENV: "production", MEDUSA_ADMIN_EMAIL: "ops@shop.example", MEDUSA_ADMIN_PASSWORD: "a long operator password" })
        .admin
    ).toEqual({ email: "ops@shop.example", password: "a long operator password" })
    const demoPassword = seedPolicy({ NODE_ENV: "production", MEDUSA_ADMIN_PASSWORD: DEMO_ADMIN_PASSWORD })
    expect(demoPassword.admin).toBeNull()
    expect(demoPassword.notes.join("\n")).toMatch(/demo password/)
  })

  it("production: demo data only when asked explicitly with SEED_DEMO=true", () => {
    for (const value of ["false", "1", "yes", "TRUE "]) {
      expect(seedPolicy({ NODE_ENV: "production", SEED_DEMO: value }).demo).toBe(value.trim().toLowerCase() === "true")
    }
    const asked = seedPolicy({ NODE_ENV: "production", SEED_DEMO: "true" })
    expect(asked.demo).toBe(true)
    expect(asked.admin).toEqual({ email: "admin@lilium.local", password: DEMO_ADMIN_PASSWORD })
  })
})
