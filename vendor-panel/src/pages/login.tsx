import { Button, Container, Heading, Input, Label, Text } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { Link, useLocation, useNavigate, useSearchParams } from "react-router-dom"
import { api, clearToken, errorMessage, post, postForStatus, sdk } from "../lib/client"

export function AuthFrame({ title, subtitle, children }: { title: string; subtitle?: string; children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen items-center justify-center p-4">
      <Container className="flex w-full max-w-sm flex-col gap-6 p-8">
        <div className="flex flex-col gap-1">
          <Text size="small" className="text-ui-fg-subtle">
            Lilium vendor panel
          </Text>
          <Heading level="h1">{title}</Heading>
          {subtitle && (
            <Text size="small" className="text-ui-fg-subtle">
              {subtitle}
            </Text>
          )}
        </div>
        {children}
      </Container>
    </div>
  )
}

function Field({ id, label, ...input }: { id: string; label: string } & Omit<React.InputHTMLAttributes<HTMLInputElement>, "size">) {
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} name={id} {...input} />
    </div>
  )
}

const Problem = ({ text, testId }: { text: string | null; testId?: string }) =>
  text ? (
    <Text size="small" className="text-ui-fg-error" role="alert" data-testid={testId}>
      {text}
    </Text>
  ) : null

type Mode = "password" | "code" | "mfa"

/**
 * Sign in: with e-mail and password (POST /auth/vendor/emailpass), or with a
 * one-time code by e-mail or SMS (POST /auth/vendor/otp/request, then
 * /auth/vendor/otp); a member whose vendor requires 2FA then enters the code
 * of their authenticator app (Medusa's MFA challenge).
 */
export function LoginPage() {
  const [mode, setMode] = useState<Mode>("password")
  const [email, setEmail] = useState("")
  const [password, setPassword] = useState("")
  const [code, setCode] = useState("")
  const [codeSent, setCodeSent] = useState(false)
  const [challenge, setChallenge] = useState<{ id: string } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const navigate = useNavigate()
  const location = useLocation()
  const qc = useQueryClient()
  const from = (location.state as { from?: string } | null)?.from ?? "/"

  const done = () => {
    qc.clear()
    navigate(from, { replace: true })
  }
  const attempt = (fn: () => Promise<void>) => async (e: React.FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await fn()
    } catch (err) {
      const message = errorMessage(err)
      setError(
        message === "Unauthorized"
          ? mode === "password"
            ? "Wrong e-mail or password."
            : "That code is not valid (or has expired)."
          : message
      )
    } finally {
      setBusy(false)
    }
  }
  const afterFirstStep = async (result: unknown) => {
    if (typeof result === "string") return done()
    const r = result as { mfa_required?: boolean; mfa_challenge?: { id: string }; verification_required?: boolean; location?: string }
    if (r.mfa_required && r.mfa_challenge) {
      setChallenge(r.mfa_challenge)
      setMode("mfa")
      return
    }
    await clearToken()
    if (r.verification_required) throw new Error("Confirm your e-mail address first: use the link we sent you.")
    throw new Error("This account signs in elsewhere.")
  }

  const signInWithPassword = attempt(async () => afterFirstStep(await sdk.auth.login("vendor", "emailpass", { email, password })))
  const requestCode = attempt(async () => {
    await postForStatus("/auth/vendor/otp/request", { identifier: email.trim() })
    setCodeSent(true)
  })
  const signInWithCode = attempt(async () => {
    const { token } = await api<{ token: string }>("/auth/vendor/otp", {
      method: "POST",
      body: { identifier: email.trim(), code: code.trim() },
    })
    await sdk.client.setToken(token)
    done()
  })
  const verifyMfa = attempt(async () => {
    await sdk.auth.mfa.verifyChallenge(challenge!.id, { method: "totp", code: code.trim() })
    done()
  })

  return (
    <AuthFrame title="Sign in" subtitle="For members of a vendor on this marketplace.">
      {mode === "password" && (
        <form className="flex flex-col gap-4" onSubmit={signInWithPassword} data-testid="login-form">
          <Field
            id="email"
            label="E-mail"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <Field
            id="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <Problem text={error} testId="login-error" />
          <Button type="submit" isLoading={busy}>
            Sign in
          </Button>
          <div className="flex flex-wrap justify-between gap-2">
            <button type="button" className="txt-small text-ui-fg-interactive" onClick={() => (setError(null), setMode("code"))}>
              E-mail me a code instead
            </button>
            <Link to="/reset-password" className="txt-small text-ui-fg-interactive">
              Forgot your password?
            </Link>
          </div>
        </form>
      )}
      {mode === "code" && (
        <form className="flex flex-col gap-4" onSubmit={codeSent ? signInWithCode : requestCode} data-testid="otp-form">
          <Field id="email" label="E-mail or phone" required value={email} onChange={(e) => setEmail(e.target.value)} />
          {codeSent && (
            <>
              <Text size="small" className="text-ui-fg-subtle">
                If this address belongs to a member, a 6-digit code is on its way (valid 10 minutes).
              </Text>
              <Field
                id="code"
                label="Code"
                inputMode="numeric"
                autoComplete="one-time-code"
                required
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            </>
          )}
          <Problem text={error} testId="login-error" />
          <Button type="submit" isLoading={busy}>
            {codeSent ? "Sign in" : "Send me a code"}
          </Button>
          <button
            type="button"
            className="txt-small text-ui-fg-interactive text-left"
            onClick={() => (setError(null), setCodeSent(false), setMode("password"))}
          >
            Use my password
          </button>
        </form>
      )}
      {mode === "mfa" && (
        <form className="flex flex-col gap-4" onSubmit={verifyMfa} data-testid="mfa-form">
          <Text size="small">Your vendor requires two-factor authentication: enter the code from your authenticator app.</Text>
          <Field
            id="code"
            label="Code"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <Problem text={error} testId="login-error" />
          <Button type="submit" isLoading={busy}>
            Verify
          </Button>
        </form>
      )}
      <Text size="small" className="text-ui-fg-subtle">
        New here?{" "}
        <Link to="/apply" className="text-ui-fg-interactive">
          Apply to sell on the marketplace
        </Link>
      </Text>
    </AuthFrame>
  )
}

/**
 * /reset-password: without a token, asks for the e-mail (POST
 * /auth/vendor/emailpass/reset-password; the answer is the same whether or not
 * it is a member); with the e-mail's ?token=&email=, sets the new password
 * (POST /auth/vendor/emailpass/update with the token).
 */
export function ResetPasswordPage() {
  const [params] = useSearchParams()
  const token = params.get("token")
  const [email, setEmail] = useState(params.get("email") ?? "")
  const [password, setPassword] = useState("")
  const [state, setState] = useState<"idle" | "sent" | "changed">("idle")
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      if (token) {
        await sdk.auth.updateProvider("vendor", "emailpass", { email: email.trim(), password }, token)
        setState("changed")
      } else {
        await sdk.auth.resetPassword("vendor", "emailpass", { identifier: email.trim() })
        setState("sent")
      }
    } catch (err) {
      setError(
        errorMessage(err) === "Unauthorized" ? "This link has expired (links work for 15 minutes): ask for a new one." : errorMessage(err)
      )
    } finally {
      setBusy(false)
    }
  }
  if (state !== "idle")
    return (
      <AuthFrame title={state === "sent" ? "Check your e-mail" : "Password changed"}>
        <Text size="small">
          {state === "sent"
            ? "If the address belongs to a member, a link to choose a new password is on its way."
            : "Sign in with your new password."}
        </Text>
        <Link to="/login" className="txt-small text-ui-fg-interactive">
          Sign in
        </Link>
      </AuthFrame>
    )
  return (
    <AuthFrame title={token ? "Choose a new password" : "Reset your password"}>
      <form className="flex flex-col gap-4" onSubmit={submit}>
        <Field id="email" label="E-mail" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        {token && (
          <Field
            id="password"
            label="New password"
            type="password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
        <Problem text={error} />
        <Button type="submit" isLoading={busy}>
          {token ? "Set password" : "Send me a link"}
        </Button>
        <Link to="/login" className="txt-small text-ui-fg-interactive">
          Back to sign in
        </Link>
      </form>
    </AuthFrame>
  )
}

/** /verify-email?token=…: the link of the verification e-mail (POST /auth/verification/confirm). */
export function VerifyEmailPage() {
  const [params] = useSearchParams()
  const [state, setState] = useState<"idle" | "done">("idle")
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const confirm = async () => {
    setBusy(true)
    setError(null)
    try {
      await post("/auth/verification/confirm", { code: params.get("token") ?? "" })
      setState("done")
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <AuthFrame title="Confirm your e-mail" subtitle={params.get("email") ?? undefined}>
      {state === "done" ? (
        <>
          <Text size="small" data-testid="verified">
            Thank you: your address is confirmed.
          </Text>
          <Link to="/" className="txt-small text-ui-fg-interactive">
            Continue
          </Link>
        </>
      ) : (
        <>
          <Problem text={error} />
          <Button onClick={confirm} isLoading={busy} disabled={!params.get("token")}>
            Confirm
          </Button>
        </>
      )}
    </AuthFrame>
  )
}
