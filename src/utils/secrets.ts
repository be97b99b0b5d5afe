/**
 * The JWT and cookie secrets and the MFA encryption key, checked once for every way Lilium starts
 * (medusa-config.ts calls this, so `npm start`, `medusa start`, the worker
 * and `medusa exec` all go through it).
 *
 * - NODE_ENV=production: JWT_SECRET, COOKIE_SECRET and AUTH_MFA_ENCRYPTION_KEY must be set, at least
 *   32 characters, and not a known placeholder ("supersecret", "change-me",
 *   …); otherwise starting fails with a message naming the variable.
 *   (`medusa build` is exempt: it compiles, it does not serve, and the
 *   runtime reads the secrets from the environment, not from the build.)
 * - Any other NODE_ENV (tests, `medusa develop`): the environment's values,
 *   or a fixed development-only value. `npm start` never relies on it: it
 *   passes the secrets it generated into .lilium/secrets.json.
 *
 * AUTH_MFA_ENCRYPTION_KEY is not passed anywhere: Medusa's defineConfig reads
 * it from the environment and gives it to the auth module, which encrypts
 * TOTP secrets with it (AES-256-GCM of its SHA-256). Changing it makes every
 * enrolled factor unreadable, so it is kept like the other two.
 */
export const SECRET_VARIABLES = ["JWT_SECRET", "COOKIE_SECRET", "AUTH_MFA_ENCRYPTION_KEY"] as const
export type SecretVariable = (typeof SECRET_VARIABLES)[number]

export const MIN_SECRET_LENGTH = 32

/** Used outside production when nothing is set; refused in production. */
export const DEVELOPMENT_ONLY_SECRET = "lilium-development-only-secret-do-not-use"

// Values that ship in templates, tutorials and compose files. Compared
// case-insensitively after trimming; a value containing one of the
// placeholder words (e.g. "change-me-change-me-change-me-please") counts too.
export const KNOWN_DEFAULT_SECRETS = [
  "supersecret",
  "change-me",
  "changeme",
  "change_me",
  "secret",
  "password",
  "jwt_secret",
  "cookie_secret",
  "jwtsecret",
  "cookiesecret",
  "medusa",
  "lilium",
  "default",
  "test",
  DEVELOPMENT_ONLY_SECRET,
]
const PLACEHOLDER_WORDS = /supersecret|change[-_ ]?me|replace[-_ ]?me|your[-_ ]?secret|development-only/i

/** Why a value cannot be a production secret, or null when it can. */
export function secretProblem(value: string | undefined | null): string | null {
  if (value === undefined || value === null || value.trim() === "") return "is not set"
  const v = value.trim()
  if (KNOWN_DEFAULT_SECRETS.includes(v.toLowerCase()) || PLACEHOLDER_WORDS.test(v)) {
    return "is a known default value"
  }
  if (v.length < MIN_SECRET_LENGTH) return `is shorter than ${MIN_SECRET_LENGTH} characters (${v.length})`
  if (new Set(v).size < 8) return "has fewer than 8 different characters"
  return null
}

export class InsecureSecretsError extends Error {
  constructor(public readonly problems: { variable: SecretVariable; problem: string }[]) {
    super(
      `Refusing to start with NODE_ENV=production: ` +
        problems.map((p) => `${p.variable} ${p.problem}`).join("; ") +
        `. Set ${problems.map((p) => p.variable).join(" and ")} to a random value of at least ` +
        `${MIN_SECRET_LENGTH} characters (for example \`openssl rand -hex 32\`); see docs/deployment.md.`
    )
    this.name = "InsecureSecretsError"
  }
}

export type ResolveSecretsOptions = {
  env?: Record<string, string | undefined>
  /** The Medusa CLI command (process.argv[2]); `build` is not checked. */
  command?: string
}

/**
 * The secrets for projectConfig.http; throws InsecureSecretsError in
 * production. Outside production an unset AUTH_MFA_ENCRYPTION_KEY is set to
 * the development-only value in `env`, before defineConfig reads it, so 2FA
 * enrolment works in `medusa develop` and tests too.
 */
export function resolveHttpSecrets(options: ResolveSecretsOptions = {}): { jwtSecret: string; cookieSecret: string } {
  const env = options.env ?? process.env
  const command = options.command ?? process.argv[2]
  const production = env.NODE_ENV === "production" && command !== "build"
  if (production) {
    const problems = SECRET_VARIABLES.flatMap((variable) => {
      const problem = secretProblem(env[variable])
      return problem ? [{ variable, problem }] : []
    })
    if (problems.length) throw new InsecureSecretsError(problems)
  }
  if (!production && !env.AUTH_MFA_ENCRYPTION_KEY) env.AUTH_MFA_ENCRYPTION_KEY = DEVELOPMENT_ONLY_SECRET
  return {
    jwtSecret: env.JWT_SECRET || DEVELOPMENT_ONLY_SECRET,
    cookieSecret: env.COOKIE_SECRET || DEVELOPMENT_ONLY_SECRET,
  }
}
