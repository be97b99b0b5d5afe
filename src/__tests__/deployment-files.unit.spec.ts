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
})

describe("Dockerfile", () => {
  const dockerfile = read("Dockerfile")
  it("builds with medusa build and runs from .medusa/server", () => {
    expect(dockerfile.match(/^FROM /gm)!.length).toBeGreaterThanOrEqual(3)
    expect(dockerfile).toMatch(/medusa build/)
    expect(dockerfile).toMatch(/COPY --from=build \/app\/\.medusa\/server/)
    expect(fs.existsSync(path.join(root, "docker", "entrypoint.sh"))).toBe(true)
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
