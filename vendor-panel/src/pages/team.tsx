import { Badge, Button, Input, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { Card, Empty, NativeSelect, Page, QueryView } from "../components/states"
import { api, errorMessage, post } from "../lib/client"
import { dateTime, human } from "../lib/format"
import { can, type Role, useMe } from "../lib/session"

const ROLE_LIST: Role[] = ["owner", "admin", "catalog", "orders", "finance"]
const ROLE_HINTS: Record<Role, string> = {
  owner: "everything, and the payout account",
  admin: "everything but 2FA policy",
  catalog: "products and stock; no orders or money",
  orders: "orders: accept, fulfil, ship",
  finance: "balance, transactions, payouts; reads orders",
}

/** GET /vendor/members, role changes and removal, and invites (GET/POST /vendor/invites) for owners and admins. */
export function TeamPage() {
  const me = useMe()
  const qc = useQueryClient()
  const manager = can(me.data, "managers")
  const members = useQuery({ queryKey: ["members"], queryFn: () => api("/vendor/members", { query: { limit: 100 } }) })
  const invites = useQuery({ queryKey: ["invites"], enabled: manager, queryFn: () => api("/vendor/invites", { query: { limit: 100 } }) })
  const [email, setEmail] = useState("")
  const [role, setRole] = useState<Role>("catalog")
  const [lastToken, setLastToken] = useState<string | null>(null)
  const done = (msg: string) => () => {
    toast.success(msg)
    qc.invalidateQueries({ queryKey: ["members"] })
    qc.invalidateQueries({ queryKey: ["invites"] })
  }
  const invite = useMutation({
    mutationFn: () => post<{ token: string }>("/vendor/invites", { email: email.trim(), role }),
    onSuccess: (r) => {
      setLastToken(r.token)
      setEmail("")
      done("Invite sent")()
    },
    onError: (e) => toast.error(errorMessage(e)),
  })
  const changeRole = useMutation({
    mutationFn: ({ id, role }: { id: string; role: Role }) => post(`/vendor/members/${id}`, { role }),
    onSuccess: done("Role changed"),
    onError: (e) => toast.error(errorMessage(e)),
  })
  const remove = useMutation({
    mutationFn: (id: string) => api(`/vendor/members/${id}`, { method: "DELETE" }),
    onSuccess: done("Member removed"),
    onError: (e) => toast.error(errorMessage(e)),
  })
  return (
    <Page title="Team" testId="team">
      <Card title="Members">
        <QueryView query={members}>
          {(data: any) => (
            <div className="overflow-x-auto">
              <Table>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>Member</Table.HeaderCell>
                    <Table.HeaderCell>Role</Table.HeaderCell>
                    <Table.HeaderCell>Since</Table.HeaderCell>
                    <Table.HeaderCell />
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {data.members.map((m: any) => (
                    <Table.Row key={m.id} data-testid="member-row">
                      <Table.Cell>
                        <div className="flex flex-col">
                          <span>{[m.first_name, m.last_name].filter(Boolean).join(" ") || m.email}</span>
                          <span className="text-ui-fg-subtle txt-small">{m.email}</span>
                        </div>
                      </Table.Cell>
                      <Table.Cell>
                        {manager && m.id !== me.data?.member.id ? (
                          <NativeSelect
                            aria-label={`Role of ${m.email}`}
                            value={m.role}
                            onChange={(e) => changeRole.mutate({ id: m.id, role: e.target.value as Role })}
                          >
                            {ROLE_LIST.map((r) => (
                              <option key={r} value={r}>
                                {human(r)}
                              </option>
                            ))}
                          </NativeSelect>
                        ) : (
                          <Badge size="2xsmall">{human(m.role)}</Badge>
                        )}
                      </Table.Cell>
                      <Table.Cell>{dateTime(m.created_at)}</Table.Cell>
                      <Table.Cell className="text-right">
                        {manager && m.id !== me.data?.member.id && (
                          <Button
                            size="small"
                            variant="transparent"
                            onClick={() => {
                              if (confirm(`Remove ${m.email}?`)) remove.mutate(m.id)
                            }}
                          >
                            Remove
                          </Button>
                        )}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
        </QueryView>
      </Card>
      {manager ? (
        <Card title="Invites">
          <form
            className="flex flex-wrap items-end gap-3 px-6 py-4"
            onSubmit={(e) => {
              e.preventDefault()
              invite.mutate()
            }}
          >
            <Input
              type="email"
              required
              placeholder="colleague@example.com"
              aria-label="E-mail"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              className="w-64"
            />
            <NativeSelect aria-label="Role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLE_LIST.map((r) => (
                <option key={r} value={r}>
                  {human(r)}: {ROLE_HINTS[r]}
                </option>
              ))}
            </NativeSelect>
            <Button size="small" type="submit" isLoading={invite.isPending}>
              Invite
            </Button>
          </form>
          {lastToken && (
            <Text size="xsmall" className="text-ui-fg-subtle px-6 pb-4 break-all">
              The invite was e-mailed. Its link: {window.location.origin}
              {import.meta.env.BASE_URL}invite?token={lastToken}
            </Text>
          )}
          <QueryView query={invites}>
            {(data: any) =>
              data.invites.length === 0 ? (
                <Empty title="No open invites" />
              ) : (
                <Table>
                  <Table.Body>
                    {data.invites.map((i: any) => (
                      <Table.Row key={i.id}>
                        <Table.Cell>{i.email}</Table.Cell>
                        <Table.Cell>{human(i.role)}</Table.Cell>
                        <Table.Cell>{i.accepted_at ? "Accepted" : `Expires ${dateTime(i.expires_at)}`}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              )
            }
          </QueryView>
        </Card>
      ) : (
        <Text size="small" className="text-ui-fg-subtle">
          Owners and admins invite members and change roles.
        </Text>
      )}
    </Page>
  )
}
