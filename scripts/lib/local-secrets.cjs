// The JWT and cookie secrets and the MFA encryption key of a local
// `npm start`, generated once.
//
// With JWT_SECRET / COOKIE_SECRET / AUTH_MFA_ENCRYPTION_KEY unset, `npm start` (outside
// NODE_ENV=production) takes them from .lilium/secrets.json, beside the
// embedded database, creating that file on the first start with
// crypto.randomBytes (file mode 0600, folder 0700). Later starts reuse it,
// so tokens and admin sessions survive a restart, and 2FA factors (encrypted
// with AUTH_MFA_ENCRYPTION_KEY) stay readable: never delete the file while
// anyone has 2FA enrolled. A variable set in the
// environment always wins and is never written to the file.
// CommonJS so that both scripts/start.mjs and the jest unit test load it.
"use strict"
const crypto = require("node:crypto")
const fs = require("node:fs")
const path = require("node:path")

const SECRET_VARIABLES = ["JWT_SECRET", "COOKIE_SECRET", "AUTH_MFA_ENCRYPTION_KEY"]
const FILE_NAME = "secrets.json"

const generateSecret = () => crypto.randomBytes(32).toString("hex")

function readSecrets(file) {
  let parsed
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"))
  } catch (e) {
    if (e.code === "ENOENT") return null
    throw new Error(`${file} is not readable JSON (${e.message}); delete it to generate new secrets`, { cause: e })
  }
  // Written by someone else with a looser mode: tighten it.
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600)
  return parsed && typeof parsed === "object" ? parsed : {}
}

function writeSecrets(file, secrets) {
  // Write a temporary file with mode 0600, then rename it over the old one,
  // so that a reader never sees a half-written or world-readable file.
  const tmp = `${file}.${process.pid}.tmp`
  const fd = fs.openSync(tmp, "w", 0o600)
  try {
    fs.writeFileSync(fd, JSON.stringify(secrets, null, 2) + "\n")
  } finally {
    fs.closeSync(fd)
  }
  fs.chmodSync(tmp, 0o600)
  fs.renameSync(tmp, file)
}

/**
 * Fills env.JWT_SECRET, env.COOKIE_SECRET and env.AUTH_MFA_ENCRYPTION_KEY (when unset) from
 * <dir>/secrets.json, generating the missing ones. Returns where each value
 * came from ("env", "file" or "generated") and the file's path.
 */
function ensureLocalSecrets({ env = process.env, dir }) {
  const file = path.join(dir, FILE_NAME)
  const sources = {}
  const missing = SECRET_VARIABLES.filter((v) => {
    if (env[v]) sources[v] = "env"
    return !env[v]
  })
  if (!missing.length) return { file, sources }

  fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
  const stored = readSecrets(file) ?? {}
  let changed = false
  for (const v of missing) {
    if (typeof stored[v] === "string" && stored[v].length >= 32) {
      sources[v] = "file"
    } else {
      stored[v] = generateSecret()
      sources[v] = "generated"
      changed = true
    }
    env[v] = stored[v]
  }
  if (changed) writeSecrets(file, stored)
  return { file, sources }
}

module.exports = { ensureLocalSecrets, generateSecret, SECRET_VARIABLES, FILE_NAME }
