// The V8 options the Medusa processes run with (`npm start`, the production
// image, the benchmarks), decision 95.
//
// --max-semi-space-size=64: V8's young generation grows to 16 MB semi-spaces
// by default, and a checkout allocates far more than that in short-lived
// objects (ORM entities, workflow contexts, BigNumbers): measured in
// bench:checkout at 20 vendors, scavenges paused a checkout for 82–89 ms at
// p50 (15 % of it). With 64 MB semi-spaces: 38–41 ms, and their spread
// between runs fell from 23 to 9 ms. It costs at most ~150 MB more memory
// per process (three semi-spaces).
const SERVER_V8_OPTIONS = ["--max-semi-space-size=64"]

/**
 * NODE_OPTIONS with SERVER_V8_OPTIONS added, keeping what is already there;
 * an option the operator set (by name, whatever its value) is left as set.
 */
function serverNodeOptions(current = "") {
  const have = current.split(/\s+/).filter(Boolean)
  const names = new Set(have.map((o) => o.split("=")[0]))
  const add = SERVER_V8_OPTIONS.filter((o) => !names.has(o.split("=")[0]))
  return [...have, ...add].join(" ")
}

module.exports = { SERVER_V8_OPTIONS, serverNodeOptions }
