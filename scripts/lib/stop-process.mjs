// Stops a child started with `detached: true` (its own process group), as
// scripts/test-plugin.mjs and scripts/test-restore.mjs start `medusa start`:
// SIGTERM to the group, SIGKILL after `graceMs` if it has not exited.
import process from "node:process"

export function stopProcess(child, graceMs = 10_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, "SIGKILL")
      } catch {}
      resolve()
    }, graceMs)
    child.once("exit", () => {
      clearTimeout(timer)
      resolve()
    })
    try {
      process.kill(-child.pid, "SIGTERM")
    } catch {
      clearTimeout(timer)
      resolve()
    }
  })
}
