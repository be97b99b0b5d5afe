#!/usr/bin/env node
// `npm run backup`: a pg_dump (custom format, -Fc) of Lilium's database into
// a timestamped file, keeping the newest BACKUP_KEEP copies.
//
//   database  DATABASE_URL (also from .env), else the embedded PostgreSQL of
//             `npm start` (.lilium/pg, port EMBEDDED_PG_PORT or 54329), started
//             for the dump and stopped again when it is not running
//   folder    BACKUP_DIR, default .lilium/backups
//   copies    BACKUP_KEEP, default 7 (per database; older files are removed
//             only after the new one is complete)
//   pg_dump   PG_BIN, else the lowest installed major that is at least the
//             server's (scripts/lib/pg-tools.mjs)
//
// Prints the file and its size. The file is written as <name>.partial and
// renamed when pg_dump succeeds, so a failed dump never counts as a backup.
// Restore it with `npm run restore -- <file>`.
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import {
  UsageError,
  backupFileName,
  databaseName,
  findPgTool,
  humanSize,
  libpqTarget,
  liliumDatabase,
  positiveInt,
  pruneBackups,
  redact,
  runTool,
  serverVersion,
} from "./lib/pg-tools.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
process.chdir(root)
if (fs.existsSync(".env")) process.loadEnvFile(".env")
const env = process.env
const say = (m) => console.log(`[backup] ${m}`)

let db
async function main() {
  if (process.argv.slice(2).some((a) => a === "-h" || a === "--help")) {
    console.log("usage: npm run backup   (env: DATABASE_URL, BACKUP_DIR, BACKUP_KEEP, PG_BIN)")
    return
  }
  const keep = positiveInt(env.BACKUP_KEEP, "BACKUP_KEEP", 7)
  const dir = path.resolve(root, env.BACKUP_DIR || path.join(".lilium", "backups"))
  db = await liliumDatabase({ root, env, say })
  const name = databaseName(db.url)
  const server = await serverVersion(db.url)
  const pgDump = findPgTool("pg_dump", server, env)
  say(`database ${redact(db.url)} (PostgreSQL ${server.text}); ${pgDump.file} ${pgDump.version.text}`)

  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, backupFileName(name))
  const partial = `${file}.partial`
  const target = libpqTarget(db.url)
  const t = Date.now()
  const r = await runTool(pgDump.file, ["--format=custom", "--compress=6", `--file=${partial}`, `--dbname=${target.dbname}`], {
    env: target.env,
  })
  if (r.code !== 0) {
    fs.rmSync(partial, { force: true })
    throw new Error(`pg_dump failed (exit ${r.code}); no backup was written${r.stderr ? `: ${r.stderr.trim().split("\n").pop()}` : ""}`)
  }
  fs.renameSync(partial, file)
  const size = fs.statSync(file).size
  const removed = pruneBackups(dir, name, keep)
  const shown = path.relative(root, file).startsWith("..") ? file : path.relative(root, file)
  say(`wrote ${shown} (${humanSize(size)}, ${size} bytes) in ${((Date.now() - t) / 1000).toFixed(1)}s`)
  if (removed.length) say(`removed ${removed.length} older backup${removed.length === 1 ? "" : "s"} (BACKUP_KEEP=${keep})`)
  // The last line is the file alone, for scripts: FILE=$(npm run -s backup | tail -1)
  console.log(file)
}

try {
  await main()
  await db?.stop()
} catch (e) {
  await db?.stop()
  console.error(`[backup] error: ${e?.message ?? e}`)
  process.exit(e instanceof UsageError ? 2 : 1)
}
