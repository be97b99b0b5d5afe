import fs from "fs"
import path from "path"

/**
 * Every notification passes the recipient's preferences, so exactly one
 * file may call the Notification module's createNotifications: the
 * delivery step of sendNotificationsWorkflow. A new sender that calls it
 * directly fails here; it should run sendNotificationsWorkflow instead.
 */
const SRC = path.join(__dirname, "../../..")
const MECHANISM = path.join("workflows", "notification", "steps", "deliver-notifications.ts")

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return e.name === "__tests__" || e.name === "node_modules" ? [] : sourceFiles(full)
    return /\.(ts|tsx|js|mjs|cjs)$/.test(e.name) ? [full] : []
  })
}

describe("one way to send a notification", () => {
  it("no file under src/ other than the delivery step calls createNotifications", () => {
    const files = sourceFiles(SRC)
    expect(files.length).toBeGreaterThan(50)
    const callers = files
      .filter((f) => /\bcreateNotifications\b|\bsendNotificationsStep\b/.test(fs.readFileSync(f, "utf8")))
      .map((f) => path.relative(SRC, f))
    expect(callers).toEqual([MECHANISM])
  })

  it("the check sees a direct call (it is not vacuous)", () => {
    const sample = `await container.resolve(Modules.NOTIFICATION).createNotifications({ to })`
    expect(/\bcreateNotifications\b/.test(sample)).toBe(true)
  })
})
