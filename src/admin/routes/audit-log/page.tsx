import { defineRouteConfig } from "@medusajs/admin-sdk"
import { DocumentText } from "@medusajs/icons"
import { Badge, Button, Container, Drawer, Heading, Input, Label, Select, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { Link } from "react-router-dom"
import { Pager } from "../../components/pager"
import { Empty, queryState } from "../../components/states"
import { date } from "../../lib/format"
import { get } from "../../lib/sdk"

const LIMIT = 25
const ACTOR_TYPES = ["all", "user", "vendor_member", "system", "customer"]
// The actions Lilium records (docs/decisions.md, decision 39).
const ACTIONS = [
  "all",
  "vendor.created",
  "vendor.approved",
  "vendor.rejected",
  "vendor.suspended",
  "vendor.reinstated",
  "vendor.updated",
  "vendor.deleted",
  "vendor_member.role_changed",
  "vendor_member.removed",
  "vendor_invite.created",
  "vendor_invite.accepted",
  "company.suspended",
  "company.reactivated",
  "company.updated",
  "commission_rule.created",
  "commission_rule.updated",
  "commission_rule.deleted",
  "refund.created",
  "ledger.adjustment",
  "payout_account.changed",
  "payout_account.synced",
  "payout_account.restricted",
  "payout_run.started",
  "payout_run.failed",
  "payout.marked_paid",
  "payout.marked_failed",
  "payout.retried",
  "payout.paid",
  "payout.reversed",
]

type Entry = {
  id: string
  created_at: string
  actor_type: string
  actor_id: string | null
  vendor_id: string | null
  action: string
  target_type: string
  target_id: string | null
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  request_id: string | null
  ip: string | null
}

const ACTOR_COLOR: Record<string, "blue" | "purple" | "grey" | "orange"> = {
  user: "blue",
  vendor_member: "purple",
  system: "grey",
  customer: "orange",
}

/** "status: pending → active", one line per changed field. */
function changes(e: Entry): string[] {
  const keys = [...new Set([...Object.keys(e.before ?? {}), ...Object.keys(e.after ?? {})])]
  const show = (v: unknown) => (v === undefined ? "–" : v === null ? "null" : typeof v === "object" ? JSON.stringify(v) : String(v))
  return keys.map((k) => {
    const b = e.before?.[k]
    const a = e.after?.[k]
    if (!e.before) return `${k}: ${show(a)}`
    if (!e.after) return `${k}: ${show(b)} → removed`
    return JSON.stringify(b) === JSON.stringify(a) ? `${k}: ${show(a)}` : `${k}: ${show(b)} → ${show(a)}`
  })
}

/** The audit trail: who changed access and money, with filters, pages, details and a CSV download. */
const AuditLogPage = () => {
  const [actorType, setActorType] = useState("all")
  const [action, setAction] = useState("all")
  const [vendorId, setVendorId] = useState("")
  const [actorId, setActorId] = useState("")
  const [targetId, setTargetId] = useState("")
  const [from, setFrom] = useState("")
  const [to, setTo] = useState("")
  const [offset, setOffset] = useState(0)
  const [open, setOpen] = useState<Entry | null>(null)

  const query: Record<string, string> = {}
  if (actorType !== "all") query.actor_type = actorType
  if (action !== "all") query.action = action
  if (vendorId.trim()) query.vendor_id = vendorId.trim()
  if (actorId.trim()) query.actor_id = actorId.trim()
  if (targetId.trim()) query.target_id = targetId.trim()
  if (from) query["created_at[$gte]"] = new Date(`${from}T00:00:00`).toISOString()
  if (to) query["created_at[$lte]"] = new Date(`${to}T23:59:59.999`).toISOString()

  const entries = useQuery({
    queryKey: ["lilium-audit-log", query, offset],
    queryFn: () => get<{ audit_entries: Entry[]; count: number }>("/admin/audit-log", { ...query, offset, limit: LIMIT }),
  })
  const csvHref = `/admin/audit-log?${new URLSearchParams({ ...query, format: "csv" })}`
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => (set(v), setOffset(0))

  const select = (value: string, options: string[], onChange: (v: string) => void, label: string, all: string) => (
    <div className="w-56">
      <Select size="small" value={value} onValueChange={reset(onChange)}>
        <Select.Trigger data-testid={`audit-filter-${label}`}>
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          {options.map((o) => (
            <Select.Item key={o} value={o}>
              {o === "all" ? all : o}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </div>
  )
  const text = (id: string, label: string, value: string, onChange: (v: string) => void, type = "text") => (
    <div className="flex flex-col gap-1">
      <Label htmlFor={id} size="xsmall">
        {label}
      </Label>
      <Input id={id} size="small" type={type} value={value} onChange={(e) => reset(onChange)(e.target.value)} />
    </div>
  )

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading>Audit log</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Who changed access and money: vendors, members, commission, refunds, the ledger and payouts. Append-only.
          </Text>
        </div>
        <a
          href={csvHref}
          download
          className="text-ui-fg-interactive txt-compact-small whitespace-nowrap hover:underline"
          data-testid="audit-csv"
        >
          Download CSV
        </a>
      </div>
      <div className="flex flex-wrap items-end gap-3 px-6 py-4">
        {select(actorType, ACTOR_TYPES, setActorType, "actor-type", "All actors")}
        {select(action, ACTIONS, setAction, "action", "All actions")}
        {text("audit-vendor", "Vendor id", vendorId, setVendorId)}
        {text("audit-actor", "Actor id", actorId, setActorId)}
        {text("audit-target", "Target id", targetId, setTargetId)}
        {text("audit-from", "From", from, setFrom, "date")}
        {text("audit-to", "To", to, setTo, "date")}
      </div>
      {queryState(entries, {
        what: "The audit log",
        empty: !entries.data?.audit_entries.length && <Empty title="No entries" description="Nothing matches these filters." />,
      }) ?? (
        <>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Time</Table.HeaderCell>
                <Table.HeaderCell>Actor</Table.HeaderCell>
                <Table.HeaderCell>Action</Table.HeaderCell>
                <Table.HeaderCell>Target</Table.HeaderCell>
                <Table.HeaderCell>Vendor</Table.HeaderCell>
                <Table.HeaderCell>Change</Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {entries.data!.audit_entries.map((e) => (
                <Table.Row key={e.id} data-testid={`audit-row-${e.id}`}>
                  <Table.Cell className="whitespace-nowrap">{date(e.created_at)}</Table.Cell>
                  <Table.Cell>
                    <Badge size="2xsmall" color={ACTOR_COLOR[e.actor_type] ?? "grey"}>
                      {e.actor_type}
                    </Badge>
                    {e.actor_id && (
                      <Text size="xsmall" className="text-ui-fg-subtle">
                        {e.actor_id}
                      </Text>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    <code className="txt-compact-small">{e.action}</code>
                  </Table.Cell>
                  <Table.Cell>
                    <Text size="small">{e.target_type}</Text>
                    {e.target_id && (
                      <Text size="xsmall" className="text-ui-fg-subtle">
                        {e.target_id}
                      </Text>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {e.vendor_id ? (
                      <Link to={`/vendors/${e.vendor_id}`} className="text-ui-fg-interactive hover:underline">
                        {e.vendor_id}
                      </Link>
                    ) : (
                      "–"
                    )}
                  </Table.Cell>
                  <Table.Cell className="max-w-[280px]">
                    <Text size="xsmall" className="truncate">
                      {changes(e).slice(0, 2).join("; ") || "–"}
                    </Text>
                  </Table.Cell>
                  <Table.Cell className="flex justify-end">
                    <Button size="small" variant="transparent" onClick={() => setOpen(e)}>
                      Details
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Pager offset={offset} limit={LIMIT} count={entries.data!.count} onChange={setOffset} />
        </>
      )}
      <Drawer open={!!open} onOpenChange={(o) => !o && setOpen(null)}>
        <Drawer.Content>
          <Drawer.Header>
            <Drawer.Title>{open?.action}</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-3 overflow-auto">
            {open && (
              <>
                <Text size="small">
                  {date(open.created_at)} · {open.actor_type} {open.actor_id ?? ""} · {open.target_type} {open.target_id ?? ""}
                </Text>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  Request {open.request_id ?? "–"} from {open.ip ?? "–"}
                </Text>
                <div>
                  <Label size="xsmall">Changes</Label>
                  {changes(open).map((line) => (
                    <Text key={line} size="xsmall" className="font-mono">
                      {line}
                    </Text>
                  ))}
                </div>
                <div>
                  <Label size="xsmall">Before</Label>
                  <pre className="txt-compact-xsmall bg-ui-bg-subtle overflow-auto rounded p-2">{JSON.stringify(open.before, null, 2)}</pre>
                </div>
                <div>
                  <Label size="xsmall">After</Label>
                  <pre className="txt-compact-xsmall bg-ui-bg-subtle overflow-auto rounded p-2">{JSON.stringify(open.after, null, 2)}</pre>
                </div>
              </>
            )}
          </Drawer.Body>
        </Drawer.Content>
      </Drawer>
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Audit log", icon: DocumentText })

export default AuditLogPage
