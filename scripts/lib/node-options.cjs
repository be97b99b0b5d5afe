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

/** An option's name as V8 reads it: `--max_semi_space_size` and `--max-semi-space-size` are one option. */
const optionName = (option) => option.split("=")[0].replace(/_/g, "-")

/**
 * NODE_OPTIONS with SERVER_V8_OPTIONS appended, the operator's text kept as
 * written (quoted values included); an option the operator set (by name,
 * in either spelling, whatever its value) is left as set: V8 takes the last
 * occurrence, so appending ours would override it.
 */
function serverNodeOptions(current = "") {
  const have = new Set(current.split(/\s+/).filter(Boolean).map(optionName))
  const add = SERVER_V8_OPTIONS.filter((o) => !have.has(optionName(o)))
  return [current.trim(), ...add].filter(Boolean).join(" ")
}

module.exports = { SERVER_V8_OPTIONS, serverNodeOptions }
