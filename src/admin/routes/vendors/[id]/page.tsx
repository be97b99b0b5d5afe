import { Button, Container, Heading, StatusBadge, Table, Tabs, Text, Textarea, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { Link, useParams } from "react-router-dom"
import { Pager } from "../../../components/pager"
import { Empty, LoadingRows, queryState } from "../../../components/states"
import { date, money, statusColor } from "../../../lib/format"
import { errorMessage, get, post } from "../../../lib/sdk"

const LIMIT = 10

// Which status changes the operator may make from each status (the API enforces the same).
const ACTIONS: Record<string, { action: string; label: string; danger?: boolean }[]> = {
  pending: [
    { action: "approve", label: "Approve" },
    { action: "reject", label: "Reject", danger: true },
  ],
  active: [{ action: "suspend", label: "Suspend", danger: true }],
  suspended: [{ action: "reinstate", label: "Reinstate" }],
  rejected: [],
}

/** One table of a vendor's records, paginated by the API, with its own loading, empty and error states. */
function PagedTable({
  name,
  path,
  params = {},
  empty,
  columns,
  pick,
  render,
}: {
  name: string
  path: string
  params?: Record<string, unknown>
  empty: string
  columns: string[]
  pick: (data: any) => any[]
  render: (row: any) => React.ReactNode[]
}) {
  const [offset, setOffset] = useState(0)
  const query = useQuery({
    queryKey: ["lilium", name, path, params, offset],
    queryFn: () => get(path, { ...params, offset, limit: LIMIT }),
  })
  const data = query.data
  const rows = data ? pick(data) : []
  const state = queryState(query, { what: "The list", rows: 3, empty: !rows.length && <Empty title={empty} /> })
  if (state) return state
  return (
    <>
      <Table data-testid={`table-${name}`}>
        <Table.Header>
          <Table.Row>
            {columns.map((c) => (
              <Table.HeaderCell key={c}>{c}</Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((row: any) => (
            <Table.Row key={row.id}>
              {render(row).map((cell, i) => (
                <Table.Cell key={i}>{cell}</Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <Pager offset={offset} limit={LIMIT} count={data.count ?? rows.length} onChange={setOffset} />
    </>
  )
}

/** A vendor: profile, status actions, members, products, vendor orders, ledger and payouts. */
const VendorPage = () => {
  const { id } = useParams()
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const [reason, setReason] = useState("")
  const { data, isLoading, isError, error } = useQuery({
    queryKey: ["lilium-vendor", id],
    queryFn: () => get<{ vendor: any }>(`/admin/vendors/${id}`),
  })
  const { data: balances } = useQuery({
    queryKey: ["lilium-vendor-balance", id],
    queryFn: () => get<{ balances: any[] }>(`/admin/vendors/${id}/balance`),
  })
  const change = useMutation({
    mutationFn: (action: string) => post(`/admin/vendors/${id}/${action}`, reason.trim() ? { reason: reason.trim() } : {}),
    onSuccess: (_, action) => {
      toast.success(
        `Vendor ${action === "approve" ? "approved" : action === "reject" ? "rejected" : action === "suspend" ? "suspended" : "reinstated"}`
      )
      setReason("")
      queryClient.invalidateQueries({ queryKey: ["lilium-vendor", id] })
      queryClient.invalidateQueries({ queryKey: ["lilium-vendors"] })
    },
    onError: (e) => toast.error(errorMessage(e)),
  })

  if (isLoading)
    return (
      <Container>
        <LoadingRows />
      </Container>
    )
  if (isError || !data)
    return (
      <Container>
        <Empty title="The vendor could not be loaded" description={errorMessage(error)} />
      </Container>
    )
  const v = data.vendor
  const actions = ACTIONS[v.status] ?? []

  const confirm = async (action: { action: string; label: string }) => {
    const ok = await prompt({
      title: `${action.label} ${v.name}?`,
      description:
        action.action === "approve"
          ? "The vendor can sell: a stock location, shipping and its products on the store are set up, and the vendor is told by email."
          : action.action === "suspend"
            ? "Its products leave the store and its payouts are held until it is reinstated. The vendor is told by email."
            : `The vendor is told by email${reason.trim() ? ", with the reason you gave" : ""}.`,
      confirmText: action.label,
      cancelText: "Cancel",
    })
    if (ok) change.mutate(action.action)
  }

  return (
    <div className="flex flex-col gap-3">
      <Container className="divide-y p-0">
        <div className="flex items-start justify-between px-6 py-4">
          <div>
            <Heading>{v.name}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {v.handle} · {v.email} · since {date(v.created_at)}
            </Text>
            {/* Approval needs the owner's verified e-mail (the API answers 409 otherwise). */}
            {v.owner_email_verified === false && (
              <Text size="small" className="text-ui-fg-error" data-testid="vendor-owner-unverified">
                The owner has not verified their e-mail yet: the vendor cannot be approved until they do.
              </Text>
            )}
          </div>
          <StatusBadge color={statusColor(v.status)} data-testid="vendor-status">
            {v.status}
          </StatusBadge>
        </div>
        {actions.length > 0 && (
          <div className="flex flex-col gap-2 px-6 py-4">
            <Textarea placeholder="Reason (optional; sent to the vendor)" value={reason} onChange={(e) => setReason(e.target.value)} />
            <div className="flex gap-2">
              {actions.map((a) => (
                <Button
                  key={a.action}
                  size="small"
                  variant={a.danger ? "danger" : "primary"}
                  isLoading={change.isPending}
                  onClick={() => confirm(a)}
                  data-testid={`vendor-${a.action}`}
                >
                  {a.label}
                </Button>
              ))}
            </div>
          </div>
        )}
        <div className="grid grid-cols-2 gap-4 px-6 py-4 text-sm">
          <Text size="small">
            <span className="text-ui-fg-subtle">Legal name:</span> {v.legal_name ?? "–"}
          </Text>
          <Text size="small">
            <span className="text-ui-fg-subtle">Tax id:</span> {v.tax_id ?? "–"}
          </Text>
          <Text size="small">
            <span className="text-ui-fg-subtle">Phone:</span> {v.phone ?? "–"}
          </Text>
          <Text size="small">
            <span className="text-ui-fg-subtle">Status reason:</span> {v.status_reason ?? "–"}
          </Text>
          {(balances?.balances ?? []).map((b) => (
            <Text size="small" key={b.currency_code} data-testid={`balance-${b.currency_code}`}>
              <span className="text-ui-fg-subtle">Balance {b.currency_code.toUpperCase()}:</span> {money(b.available, b.currency_code)}{" "}
              available · {money(b.pending, b.currency_code)} pending · {money(b.paid_out, b.currency_code)} paid out
            </Text>
          ))}
        </div>
      </Container>
      <Container className="p-0">
        <Tabs defaultValue="members">
          <Tabs.List className="px-6 pt-4">
            <Tabs.Trigger value="members">Members</Tabs.Trigger>
            <Tabs.Trigger value="products">Products</Tabs.Trigger>
            <Tabs.Trigger value="orders">Vendor orders</Tabs.Trigger>
            <Tabs.Trigger value="ledger">Ledger</Tabs.Trigger>
            <Tabs.Trigger value="payouts">Payouts</Tabs.Trigger>
          </Tabs.List>
          <Tabs.Content value="members">
            {v.members?.length ? (
              <Table>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>Email</Table.HeaderCell>
                    <Table.HeaderCell>Name</Table.HeaderCell>
                    <Table.HeaderCell>Role</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {v.members.map((m: any) => (
                    <Table.Row key={m.id}>
                      <Table.Cell>{m.email}</Table.Cell>
                      <Table.Cell>{[m.first_name, m.last_name].filter(Boolean).join(" ") || "–"}</Table.Cell>
                      <Table.Cell>{m.role}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            ) : (
              <Empty title="No members" />
            )}
          </Tabs.Content>
          <Tabs.Content value="products">
            <PagedTable
              name="products"
              path={`/admin/vendors/${id}/products`}
              empty="No products yet"
              columns={["Product", "Status", "Created"]}
              pick={(d) => d.products}
              render={(p) => [
                <Link key="t" to={`/products/${p.id}`} className="text-ui-fg-interactive hover:underline">
                  {p.title}
                </Link>,
                p.status,
                date(p.created_at),
              ]}
            />
          </Tabs.Content>
          <Tabs.Content value="orders">
            <PagedTable
              name="vendor-orders"
              path="/admin/vendor-orders"
              params={{ vendor_id: id }}
              empty="No vendor orders yet"
              columns={["Order", "Status", "Total", "Commission", "Placed"]}
              pick={(d) => d.vendor_orders}
              render={(o) => [
                <Link key="o" to={`/orders/${o.order_id}`} className="text-ui-fg-interactive hover:underline">
                  #{o.display_id}
                </Link>,
                <StatusBadge key="s" color={statusColor(o.status)}>
                  {o.status}
                </StatusBadge>,
                money(o.total, o.currency_code),
                money(o.commission_total, o.currency_code),
                date(o.created_at),
              ]}
            />
          </Tabs.Content>
          <Tabs.Content value="ledger">
            <PagedTable
              name="ledger"
              path={`/admin/vendors/${id}/transactions`}
              empty="No ledger rows yet"
              columns={["Type", "Amount", "Status", "Available", "Posted"]}
              pick={(d) => d.transactions}
              render={(t) => [t.type, money(t.amount, t.currency_code), t.status, date(t.available_at), date(t.created_at)]}
            />
          </Tabs.Content>
          <Tabs.Content value="payouts">
            <PagedTable
              name="payouts"
              path="/admin/payouts"
              params={{ vendor_id: id }}
              empty="No payouts yet"
              columns={["Amount", "Status", "Provider", "Reference", "Created"]}
              pick={(d) => d.payouts}
              render={(p) => [
                money(p.amount, p.currency_code),
                <StatusBadge key="s" color={statusColor(p.status)}>
                  {p.status}
                </StatusBadge>,
                p.provider,
                p.reference ?? "–",
                date(p.created_at),
              ]}
            />
          </Tabs.Content>
        </Tabs>
      </Container>
    </div>
  )
}

export default VendorPage
