import fs from "node:fs"
import path from "node:path"
import { parse } from "yaml"

// Docker does not run on the build machines, so the production files are
// checked for the shape the deployment guide promises.
const root = path.resolve(__dirname, "../..")
const read = (f: string) => fs.readFileSync(path.join(root, f), "utf8")

describe("docker-compose.yml", () => {
  const compose = parse(read("docker-compose.yml"), { merge: true })

  it("runs PostgreSQL, Redis, API servers and one worker", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["postgres", "redis", "server", "worker"])
    expect(compose.services.worker.environment.MEDUSA_WORKER_MODE).toBe("worker")
    expect(compose.services.server.environment.MEDUSA_WORKER_MODE).toBe("server")
  })

  it("points every app process at the same PostgreSQL and Redis", () => {
    for (const name of ["server", "worker"]) {
      const env = compose.services[name].environment
      expect(env.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//)
      expect(env.REDIS_URL).toBe("redis://redis:6379")
      expect(compose.services[name].build).toBe(".")
    }
    expect(compose.services.server.depends_on.worker.condition).toBe("service_healthy")
  })

  // What `docker compose` does with ${VAR}, ${VAR:-default} and ${VAR:?error}.
  const interpolate = (value: string, env: Record<string, string>) =>
    String(value).replace(/\$\{([A-Z0-9_]+)(?::([-?])([^}]*))?\}/g, (_, name, op, arg) => {
      const v = env[name]
      if (op === "?" && !v) throw new Error(`${name}: ${arg}`)
      return v || (op === "-" ? arg : "")
    })
  const appEnv = (env: Record<string, string>) =>
    Object.fromEntries(Object.entries(compose.services.worker.environment).map(([k, v]) => [k, interpolate(String(v), env)]))
  const secrets = {
    JWT_SECRET: "j".repeat(16) + "0123456789abcdef0123456789abcdef",
    COOKIE_SECRET: "c".repeat(16) + "0123456789abcdef0123456789abcdef",
    AUTH_MFA_ENCRYPTION_KEY: "m".repeat(16) + "0123456789abcdef0123456789abcdef",
  }

  it("requires JWT_SECRET, COOKIE_SECRET and AUTH_MFA_ENCRYPTION_KEY, with no default anywhere", () => {
    const raw = read("docker-compose.yml")
    expect(raw).not.toMatch(/change-me|supersecret/i)
    for (const name of ["server", "worker"]) {
      const env = compose.services[name].environment
      expect(env.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?[^}]+\}$/)
      expect(env.COOKIE_SECRET).toMatch(/^\$\{COOKIE_SECRET:\?[^}]+\}$/)
      expect(env.AUTH_MFA_ENCRYPTION_KEY).toMatch(/^\$\{AUTH_MFA_ENCRYPTION_KEY:\?[^}]+\}$/)
      expect(env.NODE_ENV).toBe("production")
    }
    expect(() => appEnv({})).toThrow(/JWT_SECRET: set JWT_SECRET/)
    expect(() => appEnv({ JWT_SECRET: secrets.JWT_SECRET })).toThrow(/COOKIE_SECRET: set COOKIE_SECRET/)
    expect(() => appEnv({ ...secrets, JWT_SECRET: "" })).toThrow(/JWT_SECRET/)
    expect(() => appEnv({ ...secrets, AUTH_MFA_ENCRYPTION_KEY: "" })).toThrow(/AUTH_MFA_ENCRYPTION_KEY: set AUTH_MFA_ENCRYPTION_KEY/)
    expect(appEnv(secrets)).toMatchObject(secrets)
  })

  it("seeds no demo logins and no admin with a known password by default", () => {
    const env = appEnv(secrets)
    expect(env.SEED_DEMO).toBe("false")
    expect(env.MEDUSA_ADMIN_PASSWORD).toBe("")
    // What the seed decides with that environment.
    const { seedPolicy } = require("../scripts/lib/seed-policy")
    expect(seedPolicy(env)).toMatchObject({ demo: false, admin: null })
    expect(seedPolicy({ ...env, MEDUSA_ADMIN_PASSWORD: "operator-chosen password" }).admin).toEqual({
      email: "admin@lilium.local",
      password: "operator-chosen password",
    })
    expect(seedPolicy(appEnv({ ...secrets, SEED_DEMO: "true" })).demo).toBe(true)
  })

  it("passes the secrets the production check accepts, and refuses the old defaults", () => {
    const { resolveHttpSecrets } = require("../utils/secrets")
    expect(() => resolveHttpSecrets({ env: appEnv(secrets), command: "start" })).not.toThrow()
    expect(() =>
      resolveHttpSecrets({ env: appEnv({ ...secrets, JWT_SECRET: "change-me", COOKIE_SECRET: "change-me" }), command: "start" })
    ).toThrow(/JWT_SECRET is a known default value; COOKIE_SECRET is a known default value/)
  })
})

describe("Dockerfile", () => {
  const dockerfile = read("Dockerfile")
  it("builds with medusa build and runs from .medusa/server", () => {
    expect(dockerfile.match(/^FROM /gm)!.length).toBeGreaterThanOrEqual(3)
    expect(dockerfile).toMatch(/medusa build/)
    expect(dockerfile).toMatch(/COPY --from=build \/app\/\.medusa\/server/)
    expect(fs.existsSync(path.join(root, "docker", "entrypoint.sh"))).toBe(true)
  })
  it("runs the image with NODE_ENV=production, so weak secrets and demo seeding are refused there too", () => {
    const runtime = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "))
    expect(runtime).toMatch(/^ENV NODE_ENV=production/m)
    expect(runtime).not.toMatch(/JWT_SECRET|COOKIE_SECRET/)
  })
})

describe(".env.template", () => {
  it("documents every environment variable the app reads", () => {
    const template = read(".env.template")
    const sources = [
      "medusa-config.ts",
      "scripts/start.mjs",
      "src/api/utils/rate-limit.ts",
      "src/api/middlewares.ts",
      "src/scripts/seed.ts",
      "src/scripts/lib/seed-policy.ts",
      "src/utils/secrets.ts",
      "scripts/lib/local-secrets.cjs",
      "src/subscribers/vendor-invite-notification.ts",
      "src/workflows/vendor/steps/create-vendor-invite.ts",
    ].map(read)
    const used = new Set<string>()
    for (const src of sources) {
      for (const m of src.matchAll(/(?:process\.)?env\.([A-Z][A-Z0-9_]+)/g)) used.add(m[1])
      for (const m of src.matchAll(/envNumber\("([A-Z0-9_]+)"/g)) used.add(m[1])
    }
    const internal = new Set(["NODE_ENV"])
    const undocumented = [...used].filter((v) => !internal.has(v) && !template.includes(v))
    expect(undocumented).toEqual([])
  })
})
