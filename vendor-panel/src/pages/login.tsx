import { Button, Container, Heading, Input, Label, Text } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { Link, useLocation, useNavigate } from "react-router-dom"
import { clearToken, errorMessage, sdk } from "../lib/client"

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

/** Sign in with e-mail and password (POST /auth/vendor/emailpass through the SDK). */
export function LoginPage() {
  const [email, setEmail] = useState("")
  const [password, setPassword] = useState("")
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const navigate = useNavigate()
  const location = useLocation()
  const qc = useQueryClient()
  const from = (location.state as { from?: string } | null)?.from ?? "/"

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const result = await sdk.auth.login("vendor", "emailpass", { email, password })
      if (typeof result !== "string") {
        await clearToken()
        if ("location" in result) throw new Error("This account signs in elsewhere.")
        throw new Error("This account needs a second step (two-factor or a verified e-mail), which the panel does not offer yet.")
      }
      qc.clear()
      navigate(from, { replace: true })
    } catch (err) {
      setError(errorMessage(err) === "Unauthorized" ? "Wrong e-mail or password." : errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <AuthFrame title="Sign in" subtitle="For members of a vendor on this marketplace.">
      <form className="flex flex-col gap-4" onSubmit={submit} data-testid="login-form">
        <div className="flex flex-col gap-1">
          <Label htmlFor="email">E-mail</Label>
          <Input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="password">Password</Label>
          <Input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {error && (
          <Text size="small" className="text-ui-fg-error" role="alert" data-testid="login-error">
            {error}
          </Text>
        )}
        <Button type="submit" isLoading={busy}>
          Sign in
        </Button>
      </form>
      <Text size="small" className="text-ui-fg-subtle">
        New here?{" "}
        <Link to="/apply" className="text-ui-fg-interactive">
          Apply to sell on the marketplace
        </Link>
      </Text>
    </AuthFrame>
  )
}
