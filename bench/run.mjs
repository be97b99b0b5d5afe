#!/usr/bin/env node
// `node bench/run.mjs <name> [--iterations N] [--sizes a,b,c] [--trace]`, through the
// package scripts:
// - `npm run bench:checkout`: split completion (complete-marketplace-cart)
//   against Medusa's completeCartWorkflow, on identical carts with 1, 5, 10
//   and 20 vendors (bench/checkout-run.ts);
// - `npm run bench:commission`: the commission part of the split for 10–200
//   lines against 0–50 rules (bench/commission-run.ts).
// Each uses a fresh database `lilium_bench_<name>` on BENCH_DATABASE_URL's
// server (or DATABASE_URL's); with neither, an embedded PostgreSQL in a
// temporary folder. Results go to bench/out/<name>.json and a printed table.
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { connectionUrl, freePort, recreateDatabase, startEmbeddedPostgres } from "../scripts/lib/embedded-postgres.mjs"

const name = process.argv[2]
if (!["checkout", "commission"].includes(name)) {
  console.error("usage: node bench/run.mjs checkout|commission [--iterations N] [--sizes a,b]")
  process.exit(2)
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
process.chdir(root)
const env = { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true", LOG_LEVEL: process.env.LOG_LEVEL ?? "error" }
const say = (m) => console.log(`[bench] ${m}`)

function medusa(args) {
  return new Promise((resolve, reject) => {
    const p = spawn(path.join(root, "node_modules", ".bin", "medusa"), args, { stdio: "inherit", env })
    p.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`medusa ${args.join(" ")} exited ${code}`))))
  })
}

let embedded
try {
  const base = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL
  let url
  if (base) {
    const u = new URL(base)
    u.pathname = `/lilium_bench_${name}`
    url = u.toString()
  } else {
    const port = await freePort(55500)
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lilium-bench-pg-")) + "/data"
    say(`starting an embedded PostgreSQL on :${port}`)
    embedded = await startEmbeddedPostgres({ dataDir, port, persistent: false })
    url = connectionUrl({ port, database: `lilium_bench_${name}` })
  }
  env.DATABASE_URL = url
  delete env.REDIS_URL // in-process modules: the benchmark measures the workflows, not Redis
  await recreateDatabase(url)
  say("migrating")
  await medusa(["db:migrate"])
  say("running")
  const flag = (name) => {
    const i = process.argv.indexOf(`--${name}`)
    return i >= 0 ? process.argv[i + 1] : undefined
  }
  if (flag("iterations")) env.BENCH_ITERATIONS = flag("iterations")
  if (flag("sizes")) env.BENCH_SIZES = flag("sizes")
  if (process.argv.includes("--trace")) env.BENCH_TRACE = "1"
  await medusa(["exec", `./bench/${name}-run.ts`])
} finally {
  if (embedded) await embedded.stop().catch(() => {})
}
