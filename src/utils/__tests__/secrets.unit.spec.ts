import path from "node:path"
import { DEVELOPMENT_ONLY_SECRET, InsecureSecretsError, resolveHttpSecrets, secretProblem } from "../secrets"

const strong = (c: string) => `${c}9f8e7d6c5b4a39281706f5e4d3c2b1a0${c}`.padEnd(64, "x")
const JWT = strong("j")
const COOKIE = strong("c")
const MFA = strong("m")

describe("secretProblem", () => {
  it.each([
    [undefined, /not set/],
    ["", /not set/],
    ["   ", /not set/],
    ["supersecret", /known default/],
    ["SuperSecret", /known default/],
    ["change-me", /known default/],
    ["changeme", /known default/],
    ["secret", /known default/],
    [DEVELOPMENT_ONLY_SECRET, /known default/],
    ["change-me-change-me-change-me-change-me", /known default/],
    ["a-short-but-random-Q7x!", /shorter than 32/],
    ["a".repeat(40), /fewer than 8 different/],
  ])("refuses %p", (value, message) => {
    expect(secretProblem(value as any)).toMatch(message)
  })

  it("accepts a random value of 32 characters or more", () => {
    expect(secretProblem("0123456789abcdef0123456789abcdef")).toBeNull()
    expect(secretProblem(JWT)).toBeNull()
  })
})

describe("resolveHttpSecrets", () => {
  it("production: returns the configured secrets when all three are good", () => {
    const env = { NODE_ENV: "production", JWT_SECRET: JWT, COOKIE_SECRET: COOKIE, AUTH_MFA_ENCRYPTION_KEY: MFA }
    expect(resolveHttpSecrets({ env, command: "start" })).toEqual({
      jwtSecret: JWT,
      cookieSecret: COOKIE,
    })
  })

  it("production: refuses a missing secret and names the variable", () => {
    expect(() =>
      resolveHttpSecrets({ env: { NODE_ENV: "production", COOKIE_SECRET: COOKIE, AUTH_MFA_ENCRYPTION_KEY: MFA }, command: "start" })
    ).toThrow(/Refusing to start with NODE_ENV=production: JWT_SECRET is not set\. Set JWT_SECRET to a random value of at least 32/)
  })

  it("production: refuses default and short secrets, naming each", () => {
    let error: unknown
    try {
      resolveHttpSecrets({
        env: { NODE_ENV: "production", JWT_SECRET: "supersecret", COOKIE_SECRET: "too-short-1234", AUTH_MFA_ENCRYPTION_KEY: MFA },
        command: "start",
      })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InsecureSecretsError)
    expect((error as InsecureSecretsError).problems.map((p) => p.variable)).toEqual(["JWT_SECRET", "COOKIE_SECRET"])
    expect((error as Error).message).toMatch(/JWT_SECRET is a known default value; COOKIE_SECRET is shorter than 32 characters \(14\)/)
  })

  it("production: `change-me` (the old docker-compose default) is refused for both", () => {
    expect(() =>
      resolveHttpSecrets({ env: { NODE_ENV: "production", JWT_SECRET: "change-me", COOKIE_SECRET: "change-me" }, command: "start" })
    ).toThrow(/JWT_SECRET is a known default value; COOKIE_SECRET is a known default value/)
  })

  it("production: refuses a missing or short AUTH_MFA_ENCRYPTION_KEY (it encrypts the 2FA secrets)", () => {
    expect(() => resolveHttpSecrets({ env: { NODE_ENV: "production", JWT_SECRET: JWT, COOKIE_SECRET: COOKIE }, command: "start" })).toThrow(
      /Refusing to start with NODE_ENV=production: AUTH_MFA_ENCRYPTION_KEY is not set\. Set AUTH_MFA_ENCRYPTION_KEY to a random value/
    )
    expect(() =>
      resolveHttpSecrets({
        env: { NODE_ENV: "production", JWT_SECRET: JWT, COOKIE_SECRET: COOKIE, AUTH_MFA_ENCRYPTION_KEY: "short-key-123" },
        command: "start",
      })
    ).toThrow(/AUTH_MFA_ENCRYPTION_KEY is shorter than 32 characters \(13\)/)
  })

  it("production: every Medusa command that serves or writes is checked; `medusa build` is not", () => {
    for (const command of ["start", "db:migrate", "exec", "user", undefined]) {
      expect(() => resolveHttpSecrets({ env: { NODE_ENV: "production" }, command })).toThrow(InsecureSecretsError)
    }
    expect(resolveHttpSecrets({ env: { NODE_ENV: "production" }, command: "build" }).jwtSecret).toBe(DEVELOPMENT_ONLY_SECRET)
  })

  it("outside production: the environment's values, else the development-only value", () => {
    expect(resolveHttpSecrets({ env: { NODE_ENV: "development", JWT_SECRET: "x" }, command: "develop" })).toEqual({
      jwtSecret: "x",
      cookieSecret: DEVELOPMENT_ONLY_SECRET,
    })
    expect(resolveHttpSecrets({ env: { NODE_ENV: "test" } }).jwtSecret).toBe(DEVELOPMENT_ONLY_SECRET)
  })

  it("outside production: an unset AUTH_MFA_ENCRYPTION_KEY becomes the development-only value (defineConfig reads it next); a set one stays", () => {
    const unset: Record<string, string | undefined> = { NODE_ENV: "development" }
    resolveHttpSecrets({ env: unset, command: "develop" })
    expect(unset.AUTH_MFA_ENCRYPTION_KEY).toBe(DEVELOPMENT_ONLY_SECRET)
    const set: Record<string, string | undefined> = { NODE_ENV: "test", AUTH_MFA_ENCRYPTION_KEY: MFA }
    resolveHttpSecrets({ env: set })
    expect(set.AUTH_MFA_ENCRYPTION_KEY).toBe(MFA)
  })
})

describe("medusa-config.ts", () => {
  const configPath = path.resolve(__dirname, "../../../medusa-config")
  const saved = { ...process.env }
  afterEach(() => {
    process.env = { ...saved }
  })
  const load = () => {
    let config: any
    jest.isolateModules(() => {
      config = require(configPath)
    })
    return config
  }

  it("refuses to load with NODE_ENV=production and no secrets", () => {
    process.env.NODE_ENV = "production"
    delete process.env.JWT_SECRET
    delete process.env.COOKIE_SECRET
    delete process.env.AUTH_MFA_ENCRYPTION_KEY
    expect(load).toThrow(
      /Refusing to start with NODE_ENV=production: JWT_SECRET is not set; COOKIE_SECRET is not set; AUTH_MFA_ENCRYPTION_KEY is not set/
    )
  })

  it("loads with NODE_ENV=production and good secrets, and uses them", () => {
    Object.assign(process.env, { NODE_ENV: "production", JWT_SECRET: JWT, COOKIE_SECRET: COOKIE, AUTH_MFA_ENCRYPTION_KEY: MFA })
    const config = load()
    expect(config.projectConfig.http.jwtSecret).toBe(JWT)
    expect(config.projectConfig.http.cookieSecret).toBe(COOKIE)
    // defineConfig hands the key to Medusa's auth module (its MFA options).
    const auth = Object.values(config.modules ?? {}).find((m: any) => m?.resolve === "@medusajs/medusa/auth") as any
    expect(auth?.options?.mfa?.encryption_key).toBe(MFA)
  })

  it('never falls back to "supersecret"', () => {
    Object.assign(process.env, { NODE_ENV: "development" })
    delete process.env.JWT_SECRET
    delete process.env.COOKIE_SECRET
    const config = load()
    expect(config.projectConfig.http.jwtSecret).not.toBe("supersecret")
    expect(config.projectConfig.http.cookieSecret).not.toBe("supersecret")
  })
})
