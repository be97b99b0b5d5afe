import { Button, Input, Label, Switch, Table, Text, Textarea, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { Card, Page, QueryView } from "../components/states"
import { api, errorMessage, post } from "../lib/client"
import { human } from "../lib/format"
import { can, ME_KEY, type Me, useMe, useSignOut } from "../lib/session"

function Field({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={id}>{label}</Label>
      {children}
    </div>
  )
}

/** The vendor's profile (POST /vendor/me, owners and admins), the member's own name and phone, and their password. */
export function ProfilePage() {
  const me = useMe()
  if (!me.data) return null
  return (
    <Page title="Profile" testId="profile">
      <VendorProfile me={me.data} />
      <OwnMember me={me.data} />
      <Notifications />
      <Password />
    </Page>
  )
}

function VendorProfile({ me }: { me: Me }) {
  const qc = useQueryClient()
  const v = me.vendor as Me["vendor"] & Record<string, any>
  const [form, setForm] = useState({
    name: v.name ?? "",
    legal_name: v.legal_name ?? "",
    email: v.email ?? "",
    phone: v.phone ?? "",
    tax_id: v.tax_id ?? "",
    description: v.description ?? "",
  })
  const editable = can(me, "managers")
  const save = useMutation({
    mutationFn: () =>
      post("/vendor/me", {
        name: form.name.trim(),
        email: form.email.trim(),
        legal_name: form.legal_name.trim() || null,
        phone: form.phone.trim() || null,
        tax_id: form.tax_id.trim() || null,
        description: form.description.trim() || null,
      }),
    onSuccess: () => {
      toast.success("Profile saved")
      qc.invalidateQueries({ queryKey: ME_KEY })
    },
    onError: (e) => toast.error(errorMessage(e)),
  })
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setForm({ ...form, [k]: e.target.value })
  return (
    <Card title={`${v.name} (${v.handle})`}>
      <form
        className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault()
          save.mutate()
        }}
      >
        <Field id="v-name" label="Shop name">
          <Input id="v-name" required disabled={!editable} value={form.name} onChange={set("name")} />
        </Field>
        <Field id="v-legal" label="Legal name">
          <Input id="v-legal" disabled={!editable} value={form.legal_name} onChange={set("legal_name")} />
        </Field>
        <Field id="v-email" label="Contact e-mail">
          <Input id="v-email" type="email" required disabled={!editable} value={form.email} onChange={set("email")} />
        </Field>
        <Field id="v-phone" label="Phone">
          <Input id="v-phone" disabled={!editable} value={form.phone} onChange={set("phone")} />
        </Field>
        <Field id="v-tax" label="Tax ID">
          <Input id="v-tax" disabled={!editable} value={form.tax_id} onChange={set("tax_id")} />
        </Field>
        <div className="md:col-span-2">
          <Field id="v-desc" label="Description">
            <Textarea id="v-desc" disabled={!editable} value={form.description} onChange={set("description")} />
          </Field>
        </div>
        {editable ? (
          <Button type="submit" size="small" className="w-fit" isLoading={save.isPending}>
            Save profile
          </Button>
        ) : (
          <Text size="small" className="text-ui-fg-subtle">
            Owners and admins edit the vendor's profile.
          </Text>
        )}
      </form>
    </Card>
  )
}

function OwnMember({ me }: { me: Me }) {
  const qc = useQueryClient()
  const [first, setFirst] = useState(me.member.first_name ?? "")
  const [last, setLast] = useState(me.member.last_name ?? "")
  const [phone, setPhone] = useState(me.member.phone ?? "")
  const save = useMutation({
    mutationFn: () =>
      post("/vendor/me/member", { first_name: first.trim() || null, last_name: last.trim() || null, phone: phone.trim() || null }),
    onSuccess: () => {
      toast.success("Saved")
      qc.invalidateQueries({ queryKey: ME_KEY })
    },
    onError: (e) => toast.error(errorMessage(e)),
  })
  return (
    <Card title={`You: ${me.member.email} (${me.member.role})`}>
      <form
        className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-3"
        onSubmit={(e) => {
          e.preventDefault()
          save.mutate()
        }}
      >
        <Field id="m-first" label="First name">
          <Input id="m-first" value={first} onChange={(e) => setFirst(e.target.value)} />
        </Field>
        <Field id="m-last" label="Last name">
          <Input id="m-last" value={last} onChange={(e) => setLast(e.target.value)} />
        </Field>
        <Field id="m-phone" label="Phone (+491512…)">
          <Input id="m-phone" value={phone} onChange={(e) => setPhone(e.target.value)} />
        </Field>
        <Button type="submit" size="small" className="w-fit" isLoading={save.isPending}>
          Save
        </Button>
      </form>
    </Card>
  )
}

function Password() {
  const [current, setCurrent] = useState("")
  const [next, setNext] = useState("")
  const signOut = useSignOut()
  const navigate = useNavigate()
  const save = useMutation({
    mutationFn: () => post("/vendor/me/password", { current_password: current, new_password: next }),
    onSuccess: async () => {
      toast.success("Password changed: sign in again")
      await signOut()
      navigate("/login")
    },
    onError: (e) => toast.error(errorMessage(e)),
  })
  return (
    <Card title="Password">
      <form
        className="flex flex-wrap items-end gap-3 px-6 py-4"
        onSubmit={(e) => {
          e.preventDefault()
          save.mutate()
        }}
      >
        <Field id="p-current" label="Current password">
          <Input
            id="p-current"
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </Field>
        <Field id="p-new" label="New password">
          <Input id="p-new" type="password" autoComplete="new-password" required value={next} onChange={(e) => setNext(e.target.value)} />
        </Field>
        <Button type="submit" size="small" isLoading={save.isPending}>
          Change password
        </Button>
      </form>
    </Card>
  )
}

type Preference = { category: string; channel: "email" | "sms"; enabled: boolean }

/** Which messages reach the member, per category and channel (GET/POST /vendor/me/notification-preferences). */
function Notifications() {
  const qc = useQueryClient()
  const prefs = useQuery({
    queryKey: ["notification-preferences"],
    queryFn: () => api<{ preferences: Preference[] }>("/vendor/me/notification-preferences"),
  })
  const save = useMutation({
    mutationFn: (p: Preference) => post("/vendor/me/notification-preferences", { preferences: [p] }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["notification-preferences"] }),
    onError: (e) => toast.error(errorMessage(e)),
  })
  return (
    <Card title="Messages">
      <QueryView query={prefs} rows={3}>
        {(data) => {
          const categories = [...new Set(data.preferences.map((p) => p.category))]
          const get = (category: string, channel: "email" | "sms") =>
            data.preferences.find((p) => p.category === category && p.channel === channel)
          return (
            <>
              <Table>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>About</Table.HeaderCell>
                    <Table.HeaderCell>E-mail</Table.HeaderCell>
                    <Table.HeaderCell>SMS</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {categories.map((category) => (
                    <Table.Row key={category}>
                      <Table.Cell>{human(category)}</Table.Cell>
                      {(["email", "sms"] as const).map((channel) => (
                        <Table.Cell key={channel}>
                          <Switch
                            aria-label={`${human(category)} by ${channel}`}
                            checked={!!get(category, channel)?.enabled}
                            disabled={save.isPending}
                            onCheckedChange={(enabled) => save.mutate({ category, channel, enabled })}
                          />
                        </Table.Cell>
                      ))}
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
              <Text size="xsmall" className="text-ui-fg-subtle px-6 py-3">
                Security messages (sign-in codes, password changes) always go out. SMS needs your phone number above.
              </Text>
            </>
          )
        }}
      </QueryView>
    </Card>
  )
}
