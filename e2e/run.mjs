#!/usr/bin/env node
// The browser tests on one marketplace: starts it once (e2e/stack.mjs: a fresh
// database, `npm start` with the demo seed, ~2.5 min), then runs every
// e2e/*.e2e.test.mjs against it (LILIUM_E2E_BASE), then stops it. Each file
// alone (`node --test e2e/<file>`) still starts its own.
// node --test runs the files alphabetically: admin (approves Nordic, runs
// payouts, founds a company), demo (reads the seeded orders, payouts and
// analytics: none of those writes changes what it checks), vendor panel (its
// own product, order and applicant, named per run).
// Extra arguments go to node --test (e.g. --test-name-pattern).
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { startStack } from "./stack.mjs"

const here = path.dirname(fileURLToPath(import.meta.url))
process.chdir(path.join(here, ".."))
const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith(".e2e.test.mjs"))
  .sort()
  .map((f) => path.join("e2e", f))

const t0 = Date.now()
// The marketplace's output goes to a file (its tail is printed when a test fails), or to the console with E2E_VERBOSE.
const logFile = path.join(os.tmpdir(), `lilium-e2e-stack-${process.pid}.log`)
const log = process.env.E2E_VERBOSE ? (m) => process.stdout.write(m) : (m) => fs.appendFileSync(logFile, m)
// The vendor panel's CORS test serves its allowed page from 127.0.0.1:<any port>; localhost:<port> stays refused.
const stack = await startStack({ log, name: "shared", env: { VENDOR_CORS: "/^http:\\/\\/127\\.0\\.0\\.1:[0-9]+$/" } })
console.log(`# one marketplace for ${files.length} files: ${stack.base} (npm start answered after ${Math.round(stack.startMs / 1000)} s)`)

// Ctrl-C: the marketplace runs in its own process group, so stop it here too.
for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => stack.stop().then(() => process.exit(130)))

let code
try {
  code = await new Promise((resolve) => {
    const child = spawn(process.execPath, ["--test", "--test-concurrency=1", ...process.argv.slice(2), ...files], {
      stdio: "inherit",
      env: {
        ...process.env,
        LILIUM_E2E_BASE: stack.base,
        LILIUM_E2E_DATABASE_URL: stack.url,
        LILIUM_E2E_START_MS: String(stack.startMs),
      },
    })
    child.on("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0)))
  })
} finally {
  await stack.stop()
}
if (code === 0) fs.rmSync(logFile, { force: true })
else if (fs.existsSync(logFile)) {
  const lines = fs.readFileSync(logFile, "utf8").trimEnd().split("\n")
  console.log(`# the marketplace's last ${Math.min(60, lines.length)} lines (${logFile}):`)
  for (const line of lines.slice(-60)) console.log(`#   ${line}`)
}
console.log(`# browser tests on one marketplace: ${Math.round((Date.now() - t0) / 1000)} s in all`)
process.exit(code)
