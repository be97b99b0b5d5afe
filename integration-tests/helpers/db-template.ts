import { randomBytes } from "node:crypto"
import { Client } from "pg"
import { createPostgresDatabaseTemplate } from "@medusajs/test-utils"

/**
 * A migrated database shared by the HTTP test files of one `npm test` run.
 *
 * Every file used to create an empty database and run all of Medusa's and
 * Lilium's migrations (8–11 s of a ~25 s fixed cost per file on this
 * machine). With LILIUM_TEST_DB_TEMPLATE set (scripts/test.mjs sets it and
 * drops the template afterwards), the first file saves its freshly migrated
 * database as that template, and every later file starts as a copy of it:
 * Medusa's runner then finds every migration and link already applied. The
 * copy is taken before any seeding, so each file still seeds its own data
 * at its own time. Without the variable (jest run by hand) nothing changes.
 */
export const testDbTemplate = process.env.LILIUM_TEST_DB_TEMPLATE || undefined

/** A database name of our own, so the hook below knows it before Medusa's runner creates it. */
export function testDbName(): string | undefined {
  if (!testDbTemplate) return undefined
  return `lilium-http-${process.env.JEST_WORKER_ID ?? "1"}-${randomBytes(5).toString("hex")}`
}

function adminClient(): Client {
  return new Client({
    host: process.env.DB_HOST ?? "localhost",
    port: Number(process.env.DB_PORT ?? 5432),
    user: process.env.DB_USERNAME ?? "postgres",
    password: process.env.DB_PASSWORD || undefined,
    database: process.env.DB_WAITINGROOM_DATABASE ?? "postgres",
  })
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/**
 * Creates `dbName` as a copy of the template when the template exists.
 * Returns false (and creates nothing) when it does not: the runner then
 * creates and migrates the database as usual.
 */
export async function cloneTestDbTemplate(dbName: string): Promise<boolean> {
  if (!testDbTemplate) return false
  const client = adminClient()
  await client.connect()
  try {
    await client.query(`create database ${quote(dbName)} with template ${quote(testDbTemplate)}`)
    return true
  } catch (e) {
    // 3D000: the template does not exist yet (this is the first file).
    if ((e as { code?: string }).code === "3D000") return false
    throw e
  } finally {
    await client.end()
  }
}

/** Saves the migrated `dbName` as the template, unless another file already did. */
export async function saveTestDbTemplate(dbName: string): Promise<void> {
  if (!testDbTemplate) return
  const client = adminClient()
  await client.connect()
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [testDbTemplate])
    if (rowCount) return
  } finally {
    await client.end()
  }
  // Medusa's own snapshot helper: it closes the app's connections to dbName
  // for the copy (the app's pool reconnects, as before every test).
  await createPostgresDatabaseTemplate({ databaseName: dbName, templateName: testDbTemplate })
}
