#!/usr/bin/env node
// `node bench/run.mjs <name> [--iterations N] [--sizes a,b,c] [--trace] [--employee]`, through the
// package scripts:
// - `npm run bench:checkout`: split completion (complete-marketplace-cart)
//   against Medusa's completeCartWorkflow, on identical carts with 1, 5, 10
//   and 20 vendors (bench/checkout-run.ts); --employee: every cart is a
//   company employee's, so the company rules run too;
// - `npm run bench:commission`: the commission part of the split for 10–200
//   lines against 0–50 rules (bench/commission-run.ts).
// Each uses a fresh database `lilium_bench_<name>` on BENCH_DATABASE_URL's
// server (or DATABASE_URL's); with neither, an embedded PostgreSQL in a
// temporary folder. Results go to bench/out/<name>.json and a printed table.
import { benchEnv, database, flag, medusaCli, recreateDatabase, root, say } from "./lib/harness.mjs"

const name = process.argv[2]
if (!["checkout", "commission"].includes(name)) {
  console.error("usage: node bench/run.mjs checkout|commission [--iterations N] [--sizes a,b]")
  process.exit(2)
}
process.chdir(root)
const env = benchEnv()
const medusa = medusaCli(env)

const db = await database(name, { port: 55500 })
try {
  env.DATABASE_URL = db.url
  delete env.REDIS_URL // in-process modules: the benchmark measures the workflows, not Redis
  await recreateDatabase(db.url)
  say("migrating")
  await medusa(["db:migrate"])
  say("running")
  if (flag("iterations")) env.BENCH_ITERATIONS = flag("iterations")
  if (flag("sizes")) env.BENCH_SIZES = flag("sizes")
  if (process.argv.includes("--trace")) env.BENCH_TRACE = "1"
  if (process.argv.includes("--employee")) env.BENCH_EMPLOYEE = "1"
  await medusa(["exec", `./bench/${name}-run.ts`])
} finally {
  await db.stop().catch(() => {})
}
