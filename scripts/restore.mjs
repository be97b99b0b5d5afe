#!/usr/bin/env node
// `npm run restore -- <file> [--into <name>] [--force]`: restores a backup
// made by `npm run backup` (pg_dump -Fc).
//
//   target    DATABASE_URL (also from .env), else the embedded PostgreSQL of
//             `npm start` (.lilium/pg); --into <name> restores into the
//             database <name> on the same server instead (created if missing)
//   safety    a database that already has tables is never overwritten
//             without --force; with --force the backup's objects are dropped
//             and recreated (pg_restore --clean --if-exists)
//
// The restore is one transaction (--single-transaction): it applies whole or
// not at all. Owners and grants are not restored (--no-owner
// --no-privileges): the objects belong to the user who restores, as they do
// when Lilium's migrations create them. Statistics are rebuilt (ANALYZE).
// Stop Lilium before restoring over its database.
//
// Exit codes: 0 restored, 1 failed, 2 bad usage or missing tools, 3 refused
// (the target is not empty, or still in use, and --force was not given).
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import {
  UsageError,
  databaseName,
  findPgTool,
  libpqTarget,
  liliumDatabase,
  redact,
  runTool,
  serverVersion,
  withClient,
  withDatabase,
} from "./lib/pg-tools.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const cwd = process.cwd()
process.chdir(root)
if (fs.existsSync(".env")) process.loadEnvFile(".env")
const env = process.env
const say = (m) => console.log(`[restore] ${m}`)
const USAGE = "usage: npm run restore -- <backup file> [--into <database>] [--force]"

class Refused extends Error {}

function parseArgs(argv) {
  const opts = { file: null, into: null, force: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === "--force") opts.force = true
    else if (a === "--into") opts.into = argv[++i] ?? ""
    else if (a.startsWith("--into=")) opts.into = a.slice("--into=".length)
    else if (a === "-h" || a === "--help") opts.help = true
    else if (a.startsWith("-")) throw new UsageError(`unknown option ${a}; ${USAGE}`)
    else if (opts.file) throw new UsageError(`one backup file at a time; ${USAGE}`)
    else opts.file = a
  }
  if (opts.help) return opts
  if (!opts.file) throw new UsageError(USAGE)
  if (opts.into !== null && !/^[A-Za-z_][A-Za-z0-9_$-]{0,62}$/.test(opts.into)) {
    throw new UsageError(`--into needs a database name (letters, digits, _ and -; got ${JSON.stringify(opts.into)})`)
  }
  return opts
}

const quoteIdent = (name) => `"${name.replace(/"/g, '""')}"`

/** Tables in the database outside PostgreSQL's own schemas, as "schema.table". */
async function userTables(url) {
  return withClient(url, async (c) => {
    const { rows } = await c.query(
      `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'`
    )
    return rows.map((r) => r.name)
  })
}

/** The tables a custom-format archive holds, from `pg_restore --list`. */
async function archiveTables(pgRestore, file) {
  const r = await runTool(pgRestore, ["--list", file], { quiet: true, capture: true })
  if (r.code !== 0) {
    const why = r.stderr.trim().split("\n").pop() ?? ""
    const hint = /unsupported version/.test(why) ? ` (the file was written by a newer pg_dump than ${pgRestore}; set PG_BIN)` : ""
    throw new UsageError(`${file} is not a backup pg_restore can read: ${why}${hint}`)
  }
  const tables = []
  let dumpedBy = null
  for (const line of r.stdout.split("\n")) {
    const m = line.match(/^\d+; \d+ \d+ TABLE (?!DATA )(\S+) (\S+) /)
    if (m) tables.push(`${m[1]}.${m[2]}`)
    const v = line.match(/^;\s+Dumped by pg_dump version: (\S+)/)
    if (v) dumpedBy = v[1]
  }
  return { tables, dumpedBy }
}

let db
async function main() {
  const opts = parseArgs(process.argv.slice(2))
  if (opts.help) {
    console.log(USAGE)
    return
  }
  const file = path.resolve(cwd, opts.file)
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`no such backup file: ${file}`)

  db = await liliumDatabase({ root, env, say })
  const url = opts.into ? withDatabase(db.url, opts.into) : db.url
  const name = databaseName(url)
  // The maintenance database answers even when the target does not exist yet.
  const maintenance = withDatabase(db.url, name === "postgres" ? databaseName(db.url) : "postgres")
  const server = await serverVersion(maintenance).catch(() => serverVersion(db.url))
  const pgRestore = findPgTool("pg_restore", server, env)
  const archive = await archiveTables(pgRestore.file, file)
  say(`${path.basename(file)}: ${archive.tables.length} tables, dumped by pg_dump ${archive.dumpedBy ?? "?"}`)
  say(`target ${redact(url)} (PostgreSQL ${server.text}); ${pgRestore.file} ${pgRestore.version.text}`)

  // Create the target if it does not exist; refuse a non-empty one without --force.
  let created = false
  await withClient(maintenance, async (c) => {
    const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
    if (!rowCount) {
      await c.query(`CREATE DATABASE ${quoteIdent(name)}`)
      created = true
      say(`created the database ${name}`)
    }
  })
  let clean = false
  if (!created) {
    const existing = await userTables(url)
    if (existing.length) {
      const others = await withClient(url, async (c) => {
        const { rows } = await c.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return rows[0].n
      })
      if (!opts.force) {
        throw new Refused(
          `the database ${name} is not empty (${existing.length} tables${others ? `, ${others} other connection${others === 1 ? "" : "s"}: is Lilium running?` : ""}). ` +
            `Restore into a new database with --into <name>, or overwrite it with --force (stop Lilium first).`
        )
      }
      if (others) say(`warning: ${others} other connection${others === 1 ? "" : "s"} to ${name}; the restore waits for their locks`)
      say(`--force: replacing the backup's objects in ${name} (${existing.length} tables there now)`)
      clean = true
    }
  }

  const target = libpqTarget(url)
  const args = ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error"]
  if (clean) args.push("--clean", "--if-exists")
  const t = Date.now()
  const r = await runTool(pgRestore.file, [...args, `--dbname=${target.dbname}`, file], { env: target.env })
  if (r.code !== 0) {
    if (created) {
      await withClient(maintenance, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`)).catch(() => {})
    }
    const why = r.stderr.trim().split("\n").slice(-2).join(" ")
    throw new Error(
      `pg_restore failed (exit ${r.code}); it ran as one transaction, so ${created ? `the new database ${name} was dropped again` : `${name} is as it was`}${why ? `: ${why}` : ""}`
    )
  }
  await withClient(url, (c) => c.query("ANALYZE"))

  const now = new Set(await userTables(url))
  const missing = archive.tables.filter((t) => !now.has(t))
  if (missing.length)
    throw new Error(`after the restore ${missing.length} of the backup's tables are missing: ${missing.slice(0, 5).join(", ")}`)
  const extra = [...now].filter((t) => !archive.tables.includes(t))
  if (extra.length) {
    say(`note: ${extra.length} table${extra.length === 1 ? "" : "s"} not in the backup stayed in ${name}: ${extra.slice(0, 5).join(", ")}`)
  }
  say(`restored ${archive.tables.length} tables into ${name} in ${((Date.now() - t) / 1000).toFixed(1)}s`)
  if (opts.into) say(`point Lilium at it: DATABASE_URL=${redact(url)}`)
}

try {
  await main()
  await db?.stop()
} catch (e) {
  await db?.stop()
  console.error(`[restore] ${e instanceof Refused ? "refused" : "error"}: ${e?.message ?? e}`)
  process.exit(e instanceof Refused ? 3 : e instanceof UsageError ? 2 : 1)
}
