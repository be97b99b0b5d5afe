import { spawnSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { Client } from "pg"

// The zero-config install (`npm start`'s embedded PostgreSQL) must be one that
// `npm run backup` and `npm run restore` can handle with the client programs a
// Debian/Ubuntu machine gets from its own packages (decision 84): a real
// embedded server, a real pg_dump and pg_restore, no DATABASE_URL server.
const root = path.resolve(__dirname, "..", "..")
const run = (script: string, args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, [path.join(root, "scripts", script), ...args], {
    cwd: root,
    env: { ...process.env, ...env, MEDUSA_DISABLE_TELEMETRY: "true" },
    encoding: "utf8",
    timeout: 120_000,
  })

describe("backups of the embedded PostgreSQL", () => {
  let tmp: string
  let server: { stop: () => Promise<void> } | null = null
  let url: string
  let embedded: any

  beforeAll(async () => {
    // A real ESM import (swc would turn import() into require(), which cannot load .mjs). The source text
    // must differ from other specs' (integration-tests/helpers/pdf-text.ts): V8 reuses a compiled function
    // of the same text across jest's test files, with the import hook of the file that compiled it first.
    const importEsm = new Function("specifier", "return import(specifier) /* embedded-backup */") as (s: string) => Promise<any>
    embedded = await importEsm(path.join(root, "scripts", "lib", "embedded-postgres.mjs"))
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lilium-embedded-backup-"))
    const port = await embedded.freePort(55700)
    server = await embedded.startEmbeddedPostgres({ dataDir: path.join(tmp, "pg"), port, persistent: false })
    await embedded.ensureDatabase(embedded.connectionUrl({ port, database: "lilium_backup_src" }))
    url = embedded.connectionUrl({ port, database: "lilium_backup_src" })
    const c = new Client({ connectionString: url })
    await c.connect()
    await c.query("CREATE TABLE ledger (id text PRIMARY KEY, amount numeric NOT NULL)")
    await c.query("INSERT INTO ledger VALUES ('vtx_1', 1234.56), ('vtx_2', -0.01)")
    await c.end()
  }, 120_000)

  afterAll(async () => {
    await server?.stop().catch(() => {})
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
  }, 60_000)

  it("runs the PostgreSQL major its package names", async () => {
    const c = new Client({ connectionString: url })
    await c.connect()
    const { rows } = await c.query("SHOW server_version_num")
    await c.end()
    expect(String(Math.floor(Number(rows[0].server_version_num) / 10000))).toBe(embedded.embeddedMajor())
  })

  it("is backed up and restored into a new database, to the cent", async () => {
    const backupDir = path.join(tmp, "backups")
    const backup = run("backup.mjs", [], { DATABASE_URL: url, BACKUP_DIR: backupDir })
    expect(backup.stderr).not.toMatch(/no pg_dump|newer/i)
    expect(backup.status).toBe(0)
    const files = fs.readdirSync(backupDir).filter((f) => f.endsWith(".dump"))
    expect(files).toHaveLength(1)

    const restore = run("restore.mjs", [path.join(backupDir, files[0]), "--into", "lilium_backup_dst"], { DATABASE_URL: url })
    expect(restore.status).toBe(0)
    const c = new Client({ connectionString: url.replace(/\/lilium_backup_src$/, "/lilium_backup_dst") })
    await c.connect()
    const { rows } = await c.query("SELECT id, amount::text FROM ledger ORDER BY id")
    await c.end()
    expect(rows).toEqual([
      { id: "vtx_1", amount: "1234.56" },
      { id: "vtx_2", amount: "-0.01" },
    ])
  }, 180_000)

  it("moves a data folder of another PostgreSQL major aside (never deletes it) and starts a fresh one", async () => {
    const dataDir = path.join(tmp, "old", "pg")
    fs.mkdirSync(dataDir, { recursive: true })
    fs.writeFileSync(path.join(dataDir, "PG_VERSION"), "17\n")
    fs.writeFileSync(path.join(dataDir, "their-data"), "kept")
    const port = await embedded.freePort(55800)
    const warn = jest.spyOn(console, "warn").mockImplementation(() => {})
    const fresh = await embedded.startEmbeddedPostgres({ dataDir, port, persistent: false })
    try {
      const aside = fs.readdirSync(path.dirname(dataDir)).filter((f) => f.startsWith("pg-17-"))
      expect(aside).toHaveLength(1)
      expect(fs.readFileSync(path.join(path.dirname(dataDir), aside[0], "their-data"), "utf8")).toBe("kept")
      expect(fs.readFileSync(path.join(dataDir, "PG_VERSION"), "utf8").trim()).toBe(embedded.embeddedMajor())
      expect(warn.mock.calls[0][0]).toContain(`Moved it to ${path.join(path.dirname(dataDir), aside[0])}`)
    } finally {
      warn.mockRestore()
      await fresh.stop().catch(() => {})
    }
  }, 120_000)
})
