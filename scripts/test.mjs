#!/usr/bin/env node
// `npm test`: unit, module and HTTP tests, in that order.
//
// With DB_HOST set (CI: the machine's PostgreSQL), the tests use that server.
// Without it, an embedded PostgreSQL is started in a temporary folder for the
// run and removed afterwards. Extra arguments go to jest (a path filter, -t).
// The last line is "N passed, N failed" over all layers.
//
// COVERAGE=1 measures line coverage of src/ (outside src/admin and tests)
// with V8 in every layer, merges the layers (scripts/lib/coverage.mjs),
// prints the figure per folder and fails the run below COVERAGE_MIN percent.
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { coverageArgs, reportCoverage } from "./lib/coverage.mjs"
import { EMBEDDED_PASSWORD, EMBEDDED_USER, freePort, startEmbeddedPostgres } from "./lib/embedded-postgres.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
process.chdir(root)
const env = { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true" }
const say = (m) => console.log(`[lilium test] ${m}`)
const extra = process.argv.slice(2)
const only = process.env.TEST_LAYERS?.split(",") // e.g. TEST_LAYERS=http
const coverage = process.env.COVERAGE === "1" || process.env.COVERAGE === "true"

let embedded
async function startDatabase() {
  if (env.DB_HOST) {
    say(`using PostgreSQL at ${env.DB_HOST}:${env.DB_PORT ?? 5432}`)
    return
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lilium-test-pg-"))
  const port = await freePort(55432)
  say(`no DB_HOST: starting an embedded PostgreSQL on :${port}`)
  embedded = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, "data"),
    port,
    persistent: false,
  })
  Object.assign(env, {
    DB_HOST: "localhost",
    DB_PORT: String(port),
    DB_USERNAME: EMBEDDED_USER,
    DB_PASSWORD: EMBEDDED_PASSWORD,
  })
}

function httpWorkers() {
  if (env.REDIS_URL) return 1
  const n = Number(env.HTTP_WORKERS ?? 1)
  return Number.isInteger(n) && n > 0 ? n : 1
}

function jest(layer) {
  const out = path.join(os.tmpdir(), `lilium-jest-${process.pid}-${layer}.json`)
  const args = [
    path.join(root, "node_modules", "jest", "bin", "jest.js"),
    // HTTP files each boot a whole Medusa app, and one process that runs
    // them all grew past 4 GB and slowed every later file (a 2-minute test
    // timed out at the end of the run): workers are recycled when they hold
    // more than 1.5 GB after a file. Each file has its own database (named
    // by JEST_WORKER_ID) and port, so with in-process Medusa modules files
    // can run side by side (HTTP_WORKERS=2). The default is one: on this
    // 2-core machine, with other jobs running, two workers made each file
    // 2.5-3x slower (audit-log 46 -> 144 s), no gain. With REDIS_URL always one: Medusa's Redis event
    // bus and workflow queues are shared by name, and two apps would take
    // each other's jobs.
    ...(layer === "integration:http" ? [`--maxWorkers=${httpWorkers()}`, "--workerIdleMemoryLimit=1500MB"] : ["--runInBand"]),
    "--forceExit",
    "--passWithNoTests",
    "--reporters=default",
    `--reporters=${path.join(root, "scripts", "lib", "count-reporter.cjs")}`,
    "--silent",
    ...(coverage ? coverageArgs(root, layer) : []),
    ...extra,
  ]
  return new Promise((resolve) => {
    const p = spawn(process.execPath, args, {
      stdio: "inherit",
      env: {
        ...env,
        TEST_TYPE: layer,
        NODE_OPTIONS: "--experimental-vm-modules",
        LILIUM_COUNT_FILE: out,
      },
    })
    p.on("exit", (code) => {
      let result = { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0 }
      try {
        result = JSON.parse(fs.readFileSync(out, "utf8"))
        fs.rmSync(out)
      } catch {}
      resolve({ layer, code: code ?? 1, ...result })
    })
  })
}

// The HTTP files start from one migrated database instead of migrating their
// own (integration-tests/helpers/db-template.ts); dropped after the run.
const dbTemplate = `lilium_test_template_${process.pid}`

async function dropDbTemplate() {
  for (const k of ["DB_HOST", "DB_PORT", "DB_USERNAME", "DB_PASSWORD"]) if (env[k] !== undefined) process.env[k] = env[k]
  const { dropPostgresDatabaseTemplate, closeWaitingroomClient } = await import("@medusajs/test-utils")
  await dropPostgresDatabaseTemplate(dbTemplate)
  await closeWaitingroomClient()
}

async function main() {
  const started = Date.now()
  await startDatabase()
  env.LILIUM_TEST_DB_TEMPLATE = dbTemplate
  const layers = ["unit", "integration:modules", "integration:http"].filter((l) => !only || only.some((o) => l.endsWith(o)))
  const results = []
  for (const layer of layers) {
    say(`running ${layer} tests`)
    results.push(await jest(layer))
  }
  if (layers.includes("integration:http")) await dropDbTemplate().catch((e) => say(`could not drop ${dbTemplate}: ${e.message}`))
  if (embedded) await Promise.race([embedded.stop(), new Promise((r) => setTimeout(r, 10000))])

  let passed = 0
  let failed = 0
  let skipped = 0
  let coverageBelowMinimum = false
  for (const r of results) {
    passed += r.numPassedTests
    failed += r.numFailedTests
    skipped += r.numPendingTests
    // A suite that fails to load counts no test but must fail the run.
    if (r.code !== 0 && r.numFailedTests === 0) failed += Math.max(1, r.numFailedTestSuites ?? 0)
    say(`${r.layer}: ${r.numPassedTests} passed, ${r.numFailedTests} failed (exit ${r.code})`)
  }
  // The slowest files, so that a CI log shows where the time budget goes.
  const files = results.flatMap((r) => r.files ?? []).sort((a, b) => b.seconds - a.seconds)
  if (files.length > 1) {
    say(
      `slowest files: ${files
        .slice(0, 12)
        .map((f) => `${path.basename(f.file)} ${f.seconds}s`)
        .join(", ")}`
    )
  }
  if (coverage) {
    const report = reportCoverage(
      root,
      results.map((r) => r.layer)
    )
    for (const line of report.lines) console.log(line)
    coverageBelowMinimum = report.belowMinimum
  }
  say(`took ${Math.round((Date.now() - started) / 1000)}s`)
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`)
  process.exit(failed || coverageBelowMinimum ? 1 : 0)
}

main().catch(async (e) => {
  console.error(e)
  if (embedded) await embedded.stop().catch(() => {})
  process.exit(1)
})
