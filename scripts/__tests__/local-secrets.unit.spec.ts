import fs from "node:fs"
import os from "node:os"
import path from "node:path"

const { ensureLocalSecrets } = require("../lib/local-secrets.cjs")

describe("npm start's generated secrets (.lilium/secrets.json)", () => {
  let dir: string
  beforeEach(() => {
    dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lilium-secrets-")), ".lilium")
  })
  afterEach(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }))

  const file = () => path.join(dir, "secrets.json")
  const mode = (p: string) => fs.statSync(p).mode & 0o777

  it("generates all three once, random, 64 hex characters, in a 0600 file", () => {
    const env: Record<string, string | undefined> = {}
    const first = ensureLocalSecrets({ env, dir })
    expect(first.sources).toEqual({ JWT_SECRET: "generated", COOKIE_SECRET: "generated", AUTH_MFA_ENCRYPTION_KEY: "generated" })
    expect(env.JWT_SECRET).toMatch(/^[0-9a-f]{64}$/)
    expect(env.COOKIE_SECRET).toMatch(/^[0-9a-f]{64}$/)
    expect(env.AUTH_MFA_ENCRYPTION_KEY).toMatch(/^[0-9a-f]{64}$/)
    expect(env.JWT_SECRET).not.toBe(env.COOKIE_SECRET)
    expect(env.AUTH_MFA_ENCRYPTION_KEY).not.toBe(env.JWT_SECRET)
    expect(mode(file())).toBe(0o600)
    expect(mode(dir)).toBe(0o700)
    expect(JSON.parse(fs.readFileSync(file(), "utf8"))).toEqual({
      JWT_SECRET: env.JWT_SECRET,
      COOKIE_SECRET: env.COOKIE_SECRET,
      AUTH_MFA_ENCRYPTION_KEY: env.AUTH_MFA_ENCRYPTION_KEY,
    })
    expect(fs.readdirSync(dir)).toEqual(["secrets.json"]) // no temporary file left
  })

  it("reuses them on later starts without rewriting the file", () => {
    const env1: Record<string, string | undefined> = {}
    ensureLocalSecrets({ env: env1, dir })
    const before = fs.statSync(file()).mtimeMs
    const env2: Record<string, string | undefined> = {}
    const second = ensureLocalSecrets({ env: env2, dir })
    expect(second.sources).toEqual({ JWT_SECRET: "file", COOKIE_SECRET: "file", AUTH_MFA_ENCRYPTION_KEY: "file" })
    expect(env2).toEqual(env1)
    expect(fs.statSync(file()).mtimeMs).toBe(before)
  })

  it("a different folder (a fresh install) gets different secrets", () => {
    const a: Record<string, string | undefined> = {}
    const b: Record<string, string | undefined> = {}
    ensureLocalSecrets({ env: a, dir })
    ensureLocalSecrets({ env: b, dir: `${dir}-other` })
    fs.rmSync(`${dir}-other`, { recursive: true, force: true })
    expect(a.JWT_SECRET).not.toBe(b.JWT_SECRET)
  })

  it("the environment wins and is never written to the file", () => {
    const env: Record<string, string | undefined> = { JWT_SECRET: "from-the-environment-0123456789abcdef" }
    const result = ensureLocalSecrets({ env, dir })
    expect(result.sources).toEqual({ JWT_SECRET: "env", COOKIE_SECRET: "generated", AUTH_MFA_ENCRYPTION_KEY: "generated" })
    expect(env.JWT_SECRET).toBe("from-the-environment-0123456789abcdef")
    const stored = JSON.parse(fs.readFileSync(file(), "utf8"))
    expect(stored.JWT_SECRET).toBeUndefined()
    expect(stored.COOKIE_SECRET).toBe(env.COOKIE_SECRET)
  })

  it("with all three set in the environment, touches nothing on disk", () => {
    const env = { JWT_SECRET: "a".repeat(40), COOKIE_SECRET: "b".repeat(40), AUTH_MFA_ENCRYPTION_KEY: "m".repeat(40) }
    expect(ensureLocalSecrets({ env, dir }).sources).toEqual({ JWT_SECRET: "env", COOKIE_SECRET: "env", AUTH_MFA_ENCRYPTION_KEY: "env" })
    expect(fs.existsSync(dir)).toBe(false)
  })

  it("tightens a file left readable by others to 0600, and keeps its values", () => {
    fs.mkdirSync(dir, { recursive: true })
    const stored = {
      JWT_SECRET: "1".repeat(10) + "abcdef0123456789abcdef0123456789",
      COOKIE_SECRET: "2".repeat(10) + "abcdef0123456789abcdef0123456789",
      AUTH_MFA_ENCRYPTION_KEY: "3".repeat(10) + "abcdef0123456789abcdef0123456789",
    }
    fs.writeFileSync(file(), JSON.stringify(stored), { mode: 0o644 })
    fs.chmodSync(file(), 0o644)
    const env: Record<string, string | undefined> = {}
    ensureLocalSecrets({ env, dir })
    expect(env).toEqual(stored)
    expect(mode(file())).toBe(0o600)
  })

  it("replaces a stored value that is too short to be a secret", () => {
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(file(), JSON.stringify({ JWT_SECRET: "short", COOKIE_SECRET: "c".repeat(8) + "0123456789abcdef0123456789abcdef" }), {
      mode: 0o600,
    })
    const env: Record<string, string | undefined> = {}
    const { sources } = ensureLocalSecrets({ env, dir })
    expect(sources).toEqual({ JWT_SECRET: "generated", COOKIE_SECRET: "file", AUTH_MFA_ENCRYPTION_KEY: "generated" })
    expect(env.JWT_SECRET).toMatch(/^[0-9a-f]{64}$/)
  })

  it("a secrets.json from before 2FA (no AUTH_MFA_ENCRYPTION_KEY) keeps its secrets and gains the key once", () => {
    fs.mkdirSync(dir, { recursive: true })
    const old = {
      JWT_SECRET: "j".repeat(8) + "0123456789abcdef0123456789abcdef",
      COOKIE_SECRET: "c".repeat(8) + "0123456789abcdef0123456789abcdef",
    }
    fs.writeFileSync(file(), JSON.stringify(old), { mode: 0o600 })
    const env: Record<string, string | undefined> = {}
    expect(ensureLocalSecrets({ env, dir }).sources).toEqual({
      JWT_SECRET: "file",
      COOKIE_SECRET: "file",
      AUTH_MFA_ENCRYPTION_KEY: "generated",
    })
    expect(env).toMatchObject(old)
    const again: Record<string, string | undefined> = {}
    ensureLocalSecrets({ env: again, dir })
    expect(again.AUTH_MFA_ENCRYPTION_KEY).toBe(env.AUTH_MFA_ENCRYPTION_KEY)
  })

  it("refuses an unreadable file with a message instead of silently replacing it", () => {
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(file(), "{not json", { mode: 0o600 })
    expect(() => ensureLocalSecrets({ env: {}, dir })).toThrow(/secrets\.json is not readable JSON/)
  })

  it("scripts/start.mjs uses it outside production only", () => {
    const start = fs.readFileSync(path.join(__dirname, "..", "start.mjs"), "utf8")
    expect(start).toMatch(/import localSecrets from "\.\/lib\/local-secrets\.cjs"/)
    expect(start).toMatch(
      /if \(env\.NODE_ENV !== "production"\) \{\s*\n\s*const \{ sources \} = localSecrets\.ensureLocalSecrets\(\{ env, dir: path\.join\(root, "\.lilium"\) \}\)/
    )
  })
})
