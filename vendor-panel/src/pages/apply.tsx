import { Badge, Button, Heading, Input, Label, Text, Textarea } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { Link, useNavigate, useSearchParams } from "react-router-dom"
import { Card, Page } from "../components/states"
import { clearToken, errorMessage, post, sdk } from "../lib/client"
import { dateTime, human, statusColor } from "../lib/format"
import { type Me, useMe } from "../lib/session"
import { AuthFrame } from "./login"

/** Signs in after registering; a login that still needs a verified e-mail is told so. */
async function signInAfterRegistration(email: string, password: string): Promise<string | null> {
  const result = await sdk.auth.login("vendor", "emailpass", { email, password })
  if (typeof result === "string") return null
  await clearToken()
  return "Check your e-mail: confirm your address with the link we sent, then sign in."
}

/**
 * Apply as a new vendor, as the README's onboarding does it: register a login
 * (POST /auth/vendor/emailpass/register), apply with its token
 * (POST /vendor/vendors, pending), then sign in to follow the application.
 */
export function ApplyPage() {
  const [form, setForm] = useState({ name: "", email: "", password: "", first_name: "", last_name: "", tax_id: "", description: "" })
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const navigate = useNavigate()
  const qc = useQueryClient()
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setForm({ ...form, [k]: e.target.value })
  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const email = form.email.trim().toLowerCase()
      await sdk.auth.register("vendor", "emailpass", { email, password: form.password })
      await post("/vendor/vendors", {
        name: form.name.trim(),
        email,
        tax_id: form.tax_id.trim() || undefined,
        description: form.description.trim() || undefined,
        member: { email, first_name: form.first_name.trim() || undefined, last_name: form.last_name.trim() || undefined },
      })
      await clearToken()
      const pending = await signInAfterRegistration(email, form.password)
      if (pending) return setNotice(pending)
      qc.clear()
      navigate("/application", { replace: true })
    } catch (err) {
      await clearToken()
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }
  if (notice)
    return (
      <AuthFrame title="Application sent">
        <Text size="small" data-testid="apply-notice">
          {notice}
        </Text>
        <Link to="/login" className="text-ui-fg-interactive txt-small">
          Sign in
        </Link>
      </AuthFrame>
    )
  return (
    <AuthFrame title="Apply to sell" subtitle="The marketplace reviews every application; you can follow it here.">
      <form className="flex flex-col gap-3" onSubmit={submit} data-testid="apply-form">
        <Label htmlFor="a-name">Shop name</Label>
        <Input id="a-name" required value={form.name} onChange={set("name")} />
        <div className="grid grid-cols-2 gap-2">
          <div className="flex flex-col gap-1">
            <Label htmlFor="a-first">First name</Label>
            <Input id="a-first" value={form.first_name} onChange={set("first_name")} />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="a-last">Last name</Label>
            <Input id="a-last" value={form.last_name} onChange={set("last_name")} />
          </div>
        </div>
        <Label htmlFor="a-email">E-mail (your login)</Label>
        <Input id="a-email" type="email" autoComplete="username" required value={form.email} onChange={set("email")} />
        <Label htmlFor="a-password">Password</Label>
        <Input id="a-password" type="password" autoComplete="new-password" required value={form.password} onChange={set("password")} />
        <Label htmlFor="a-tax">Tax ID (optional)</Label>
        <Input id="a-tax" value={form.tax_id} onChange={set("tax_id")} />
        <Label htmlFor="a-desc">What do you sell? (optional)</Label>
        <Textarea id="a-desc" value={form.description} onChange={set("description")} />
        {error && (
          <Text size="small" className="text-ui-fg-error" role="alert" data-testid="apply-error">
            {error}
          </Text>
        )}
        <Button type="submit" isLoading={busy}>
          Apply
        </Button>
      </form>
      <Text size="small" className="text-ui-fg-subtle">
        Already selling here?{" "}
        <Link to="/login" className="text-ui-fg-interactive">
          Sign in
        </Link>
      </Text>
    </AuthFrame>
  )
}

const STEPS: Record<string, string> = {
  pending: "Your application is waiting for the marketplace's review. You will get an e-mail when it is decided.",
  active: "Approved: you can sell. Add products and a payout account.",
  rejected: "The marketplace did not approve this application.",
  suspended: "Your shop is suspended: its products are not sold. Contact the marketplace.",
}

/** The application's status: the signed-in member's vendor (GET /vendor/me). */
export function ApplicationPage() {
  const me = useMe()
  if (!me.data) return null
  const v = me.data.vendor as Me["vendor"] & Record<string, any>
  return (
    <Page title="Application" testId="application">
      <Card>
        <div className="flex flex-col gap-3 px-6 py-4">
          <div className="flex items-center gap-2">
            <Heading level="h2">{v.name}</Heading>
            <Badge color={statusColor(v.status)} data-testid="application-status">
              {human(v.status)}
            </Badge>
          </div>
          <Text size="small">{STEPS[v.status] ?? human(v.status)}</Text>
          {v.status_reason && <Text size="small">Reason: {v.status_reason}</Text>}
          <Text size="xsmall" className="text-ui-fg-subtle">
            Applied {dateTime(v.created_at)} · handle {v.handle}
          </Text>
        </div>
      </Card>
    </Page>
  )
}

/** /invite?token=…: the link of an invite e-mail. Register a login for the invited e-mail and join. */
export function InvitePage() {
  const [params] = useSearchParams()
  const token = params.get("token") ?? ""
  const [email, setEmail] = useState("")
  const [password, setPassword] = useState("")
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const navigate = useNavigate()
  const qc = useQueryClient()
  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await sdk.auth.register("vendor", "emailpass", { email: email.trim().toLowerCase(), password })
      await post("/vendor/invites/accept", { token })
      await clearToken()
      const pending = await signInAfterRegistration(email.trim().toLowerCase(), password)
      if (pending) return setError(pending)
      qc.clear()
      navigate("/", { replace: true })
    } catch (err) {
      await clearToken()
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <AuthFrame title="Join your team" subtitle="Choose a password for the invited e-mail address.">
      {!token ? (
        <Text size="small" className="text-ui-fg-error">
          This link has no invite token.
        </Text>
      ) : (
        <form className="flex flex-col gap-3" onSubmit={submit}>
          <Label htmlFor="i-email">Invited e-mail</Label>
          <Input id="i-email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          <Label htmlFor="i-password">Password</Label>
          <Input
            id="i-password"
            type="password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          {error && (
            <Text size="small" className="text-ui-fg-error" role="alert">
              {error}
            </Text>
          )}
          <Button type="submit" isLoading={busy}>
            Join
          </Button>
        </form>
      )}
    </AuthFrame>
  )
}
